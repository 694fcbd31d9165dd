"""Bilaga 10 (§ 132): Arbetskonsulent för personer med aktivitetsersättning."""

import datetime

from samordna.demo.applications import ApplicationSeed, BudgetSeed, GoalSeed, PartySeed

APPLICATION = ApplicationSeed(
    attachment=10,
    paragraph=132,
    kind="prolongation",
    name="Arbetskonsulent för personer med aktivitetsersättning",
    responsible=PartySeed(
        member="Sundsvalls kommun",
        organisation="Individ- och arbetsmarknadsförvaltningen",
        unit="Arbetsmarknadstorget, Arbete och försörjning",
        signatory="Denise Wallén",
        contact="Denise Wallén",
        phone="060-192279",
        email="denise.wallen@sundsvall.se",
    ),
    organisation_number="212000-2411",
    signatory_title="Förvaltningsdirektör IAF",
    postal_address="Norrmalmsgatan 5, Sundsvalls kommun",
    postal_code="851 85",
    city="Sundsvall",
    parties=(
        PartySeed(
            member="Försäkringskassan",
            organisation="Försäkringskassan",
            unit="Försäkringskassan Sundsvall",
            signatory="Lina Kempe",
            contact="Lina Kempe",
            phone="010-1118640",
            email="lina.kempe@forsakringskassan.se",
        ),
    ),
    summary=(
        "Individ- och arbetsmarknadsförvaltningens (IAF) arbetskonsulenter har som huvuduppdrag "
        "att arbeta med personer som uppbär försörjningsstöd eller med personer som de haft i "
        "uppdrag att arbeta med enligt avtal med Arbetsförmedlingen. Försäkringskassans målgrupper "
        "har därför inte en naturlig ingång till utförare i samma utsträckning på "
        "Arbetsmarknadstorget som andra. Det ledde till att Samordningsförbundet hösten 2016 "
        "beviljade medel till en arbetskonsulent som skulle arbeta med målgruppen unga vuxna "
        "mellan 19–30 år som beviljats aktivitetsersättning eller sjukpenning från "
        "Försäkringskassan. Funktionen har funnits sedan dess och har lett till att "
        "Försäkringskassan känt större nytta med sin samverkan på Arbetsmarknadstorget.\n\n"
        "Syftet med insatsen är att unga vuxna med fysisk eller psykiska funktionsvariationer som "
        "har aktivitetsersättning från Försäkringskassan och behov av stöd för att komma ut i "
        "arbete/studier på arbetsmarknaden, har möjlighet att få det stödet på "
        "Arbetsmarknadstorget genom att arbetskonsulenten verkar för att skapa tillträde till "
        "arbetslivsinriktad rehabilitering för personer som annars hade riskerat att hamna i "
        "långvarig sysselloshet hos berörda myndigheter."
    ),
    background=(
        "Individ- och arbetsmarknadsförvaltningens (IAF) arbetskonsulenter har som huvuduppdrag "
        "att arbeta med personer som uppbär försörjningsstöd eller med personer som de haft i "
        "uppdrag att arbeta med enligt avtal med Arbetsförmedlingen. Försäkringskassans målgrupper "
        "har därför inte en naturlig ingång till utförare i samma utsträckning på "
        "Arbetsmarknadstorget som andra. Det ledde till att Samordningsförbundet hösten 2016 "
        "beviljade medel till en arbetskonsulent som skulle arbeta med målgruppen unga vuxna "
        "mellan 19–30 år som beviljats aktivitetsersättning eller sjukpenning från "
        "Försäkringskassan. Funktionen har funnits sedan dess och har lett till att "
        "Försäkringskassan känt större nytta med sin samverkan på Arbetsmarknadstorget.\n\n"
        "Till Arbetskonsulent tjänsten som vänder sig till personer som uppbär "
        "aktivitetsersättning har inflödet från Försäkringskassan varit konstant sedan starten av "
        "tjänsten. Utifrån målgruppen har ärendemängden satts till ca 24 pågående deltagare åt "
        "gången men i praktiken har det oftast varit fler inskrivna.\n\n"
        "Det åligger inte i kommunens huvudansvar att arbeta med arbetslivsinriktad "
        "rehabilitering. Vägen in till detta för målgruppen är vanligtvis via Gemensam "
        "Kartläggning till Arbetsförmedlingen. Eftersom målgruppen har diagnostiserade "
        "funktionsvariationer som bedöms påverka förmågan att själva finna, få och behålla ett "
        "arbete eller klara studier så är behovet av arbetslivsinriktad rehabilitering stort. "
        "Målgruppen har stora behov av att få hjälp att utreda, testa och utveckla sin "
        "arbetsförmåga under en längre tid. I dessa lägen bedöms inte Gemensam Kartläggning vara "
        "lämplig för personen utan då används i stället denna Arbetskonsulenttjänst. Även om "
        "själva tjänsten har finansierats av Samordningsförbundet har Sundsvalls kommun gått in "
        "med att erbjuda tillgång till det platsutbud och insatser som finns inom Individ- och "
        "arbetsmarknadsförvaltningen för målgruppen."
    ),
    purpose=(
        "Att unga vuxna med fysisk eller psykiska funktionsvariationer som har "
        "aktivitetsersättning från Försäkringskassan och behov av stöd för att komma ut i "
        "arbete/studier på arbetsmarknaden, har möjlighet att få det stödet på "
        "Arbetsmarknadstorget genom att arbetskonsulenten verkar för att skapa tillträde till "
        "arbetslivsinriktad rehabilitering för personer som annars hade riskerat att hamna i "
        "långvarig sysslolöshet hos berörda myndigheter."
    ),
    target_group=(
        "Unga vuxna mellan åldrarna 19–29 år som har aktivitetsersättning eller sjukpenning från "
        "Försäkringskassan. På grund av en fysisk eller psykisk diagnostiserad funktionsvariation "
        "bedöms personerna behöva extra stöd i att ta sig ut på arbetsmarknaden eller mot studier. "
        "Målgruppen har behov av nära stöd och uppföljning under längre tid för att få komma ut i "
        "form av arbetsträning med målet att nå självförsörjning genom arbete eller studier."
    ),
    goals=(
        GoalSeed(
            text=(
                "Fler deltagare i insatsen avslutas till studier eller arbete 2023 jämfört med "
                "2022."
            ),
            indicator=(
                "Mäts i SUS, prognostiseras i delårsrapport och sammanställs i förbundets "
                "årsredovisning."
            ),
        ),
        GoalSeed(
            text="Deltagarna i insatsen närmar sig egen försörjning.",
            indicator="Mäts med NNS indikatorenkät och sammanställs i förbundets årsredovisning.",
        ),
        GoalSeed(
            text=(
                "Deltagarna i insatsen upplever att de fått hjälp att utveckla sätt att hantera "
                "sin situation."
            ),
            indicator="Mäts med NNS indikatorenkät och sammanställs i förbundets årsredovisning.",
        ),
        GoalSeed(
            text="Deltagarna upplever att finns en planering som tar vid när insatsen avslutas.",
            indicator="Mäts med NNS indikatorenkät och sammanställs i förbundets årsredovisning.",
        ),
        GoalSeed(
            text=(
                "Personer som annars hade riskerat att hamna i långvarig sysslolöshet hos berörda "
                "myndigheter kan i stället få tillträde till arbetslivsinriktad rehabilitering."
            ),
            indicator="Anges inte i ansökan.",
        ),
        GoalSeed(
            text=(
                "Förutsättningar för målgruppen att testa sin arbetsförmåga i arbeten på den "
                "ordinarie arbetsmarknaden eller mot studier utifrån sina förutsättningar ökar."
            ),
            indicator="Anges inte i ansökan.",
        ),
    ),
    what_is_new=(
        "Den här insatsen ger Försäkringskassans målgrupp unga vuxna 19–29 år, som beviljats "
        "aktivitetsersättning/sjukpenning möjlighet att utredas, testa och utveckla sin "
        "arbetsförmåga mot arbeten eller studier med stöd från arbetskonsulent."
    ),
    implementation=(
        "Tjänsten organiseras som tidigare under Individ- och arbetsmarknadsförvaltningen (IAF) "
        "och är en del av arbetskonsulentgruppen på Arbetsmarknadstorget.\n\n"
        "Insatsen har stärkts upp med att Försäkringskassans försäkringsutredare har sin "
        "arbetsplats på Arbetsmarknadstorget. Samarbete mellan arbetskonsulent och "
        "Försäkringskassans försäkringsutredare blir mer intensivt och de tillsammans stärker upp "
        "nätverksarbetet runt deltagaren. Försäkringskassans försäkringsutredare har möjlighet att "
        "kontakta regionen och boka in avstämningsmöten vid behov vilket gör att det blir enklare "
        "att samverka med vården genom snabba kontaktvägar. Arbetskonsulent har upplevt att den "
        "nära kontakten till Försäkringskassans försäkringsutredare underlättat arbetet. Det går "
        "att snabbt få svar på deltagarens frågor gällande ersättningen samt att boka möten och "
        "ärendediskussion.\n\n"
        "Samverkansformerna som arbetskonsulent arbetar efter följer till stora delar de rutiner "
        "som finns på övriga Arbetsmarknadstorget med individuella team kring varje deltagare "
        "utifrån dennes behov av insatser och samverkan. Arbetskonsulent arbetar utifrån "
        "arbetsmetoden Individuellt Stöd i Arbete, ISA-metoden. Den har grunden i Supported "
        "Employment, men har vidareutvecklats för att passa svenska förhållanden. Båda metoderna "
        "har samma grundinställning att människor ska ha möjlighet att få ett lönearbete.\n\n"
        "Deltagarna är medicinskt utredda för att bli beviljade aktivitetsersättning från "
        "Försäkringskassan. Arbetskonsulenten får möjlighet att ta del av den informationen om "
        "deltagaren ger sitt samtycke. Fokus kan då läggas på kartläggnings samtal som vanligen "
        "tar 3–6 gånger det kan ta både längre och kortare tid. Syftet är att skapa en relation "
        "mellan arbetskonsulent och deltagaren. Det är viktigt för arbetskonsulenten att "
        "tillsammans med deltagaren prata om våra olika roller, förväntningar, motivation, "
        "intressen, mål, identifiera resurser/begränsningar. Mötena behöver inte ske på "
        "Arbetsmarknadstorget, de kan äga rum på Café eller under promenad eller en annan plats "
        "som deltagaren känner sig bekväm på.\n\n"
        "Arbetet tillsammans med deltagaren fokuseras på att hitta och förstärka den egna "
        "resursen, förmågor och motivation till att finna få och behålla ett arbete. Målet är att "
        "komma i gång i arbetsträning, praktik eller studier, som kan ge deltagaren erfarenheter "
        "och möjligheter att fortsätta mot anställning/arbete eller utbildning. Matchning mot rätt "
        "arbetsträning/praktikplats har visat sig vara en framgångsfaktor, det kan därför ta tid "
        "att finna en plats för deltagaren som fungerar. I gengäld blir effekten av en lyckad "
        "matchning till passande arbetsträningsplats att deltagaren snabbare integreras i "
        "samhället och kan snabbare komma ut i självförsörjning. Arbetskonsulenten samarbetar "
        "också med studie- och yrkesvägledare som kan ge information om utbildningar som kan passa "
        "deltagaren utifrån dennes förutsättningar. Samarbetet med företagskoordinatorer på "
        "Arbetsmarknadstorget har öppnat upp mot kontakter med näringslivet och underlättat att "
        "finna arbetstränings-/praktikplatser. Det kan vara svårt för deltagaren att ha en "
        "förståelse om hur det fungerar i arbetslivet om man aldrig tagit del av det. "
        "Arbetskonsulentens uppdrag är att vara stöttande och hjälpa till med förberedelserna "
        "inför studier/ arbetsträningen/praktik.\n\n"
        "Under tid med studier/arbetsträning/praktik, har arbetskonsulenten tät kontakt med "
        "deltagaren på telefon och genom uppföljning på plats. Syftet med täta uppföljningar är "
        "att snabbt kunna fånga upp om det finns problem och då sätta in resurser från det nätverk "
        "som finns runt deltagaren. Det kan ex. vara vårdinsats det gäller att snabbt gå in med "
        "stöd där det behövs. Deltagarna i denna målgrupp har precis som alla andra inskrivna på "
        "Arbetsmarknadstorget också tillgång till våra specialisttjänster som psykologer, "
        "arbetsterapeuter, företagskoordinatorer och Studie- och yrkesvägledare samt alla de "
        "myndigheter som representeras på Arbetsmarknadstorget. Fokus är att finna, få och behålla "
        "ett arbete. Vi arbetar utifrån deltagarens förutsättningar och i den takt som fungerar. "
        "Det kan innebära långa perioder men kravet är att det måste finnas någon form av "
        "progression i deltagarens utveckling för att arbetet ska fortgå. Vid de tillfällen det "
        "kan bli frågan om en anställning tar arbetskonsulent i tidigt skede kontakt med "
        "Arbetsförmedlingen, för delaktighet i förberedelser inför kommande anställning med ex. "
        "anpassningar och lönestöd om det finns behov. Det finns även möjlighet för deltagaren att "
        "ha ett efterstöd från arbetskonsulent när den går ut i arbete eller studier. Efterstödet "
        "kan vara hjälp med skrivelser, blanketter, råd på telefon, vid behov ett möte.\n\n"
        "Försäkringskassan har samordningsansvar för unga vuxna med aktivitetsersättningen och "
        "styr inflödet av deltagare till Arbetskonsulent på Arbetsmarknadstorget. Ju snabbare "
        "samordning och planering av aktivitet kan påbörjas, desto större är möjligheten att unga "
        "människor får komma ut i arbete/studier och inte fastnar i långvarig sysslöshet som kan "
        "bli en effekt av aktivitetsersättningen."
    ),
    gender_equality=(
        "Eftersom samverkande parter är de som aktualiserar personerna så har inte IAF någon "
        "möjlighet att begränsa deltagarantalet utifrån kön. Det är snarare remitterande parts "
        "bedömning av behov som styr vilka som aktualiseras. Arbetsmarknadstorget har som helhet "
        "idag en jämn fördelning mellan kvinnor och män. Resultatet vid avslut ska redovisas "
        "könsuppdelat vid halvårs- och helårsrapport."
    ),
    evaluation=(
        "Uppföljning sker kontinuerligt i möten med deltagare. Utvärdering av olika insatser och "
        "aktiviteter sker också i det dagliga arbetet med deltagarna samt med specialister, "
        "företagskoordinatorer och andra samverkansparter. Deltagarna ska registreras i SUS för "
        "uppföljning samt så ska NNS indikatorenkät användas under året."
    ),
    expected_results_parties=(
        "Vår förväntan är att insatsen ska leda till att unga får tillgång till denna typ av stöd "
        "för att få/återfå arbetsförmåga med samma goda resultat som tidigare år.\n\n"
        'Målgruppen som omfattas av denna insats riskerar många gånger att "falla mellan '
        'stolarna" om inte denna insats hade funnits då de kan bedömas ha en för låg '
        "aktivitetsförmåga för att bli föremål för gemensam kartläggning genom Arbetsförmedling "
        "och Försäkringskassan. Kommunen ser visserligen vinster både på samhällsekonomisk och på "
        "personlig nivå med att ge dessa insatser men då det inte ligger inom ramen för kommunens "
        "ansvarsområde finns i dagsläget inga möjligheter till implementering av tjänsten utan "
        "extern finansiering."
    ),
    expected_results_individuals=(
        "Förväntat resultat är att så många som möjligt av deltagarna som avsluts ska avslutas "
        "till egen försörjning i form av studier eller arbete. Ett gott resultat av vårt arbete "
        "kan också vara att deltagaren går vidare till exempelvis daglig verksamhet i de fall "
        "personen inte visar sig ha en aktivitetsförmåga som motsvarar arbetsmarknadens krav i "
        "dagsläget. Målet är också att det vid avslut finns en fortsatt planering tillsammans med "
        "den aktör som tar över. Insatsen syftar vidare till att deltagarna kommer närmare egen "
        "försörjning och att de upplever att de fått hjälp att hantera och utveckla sin situation. "
        "NSS Indikatorenkät ska användas och resultaten sammanställas i förbundets årsredovisning."
    ),
    starts_on=datetime.date(2023, 1, 1),
    ends_on=datetime.date(2024, 12, 31),
    direction="individual",
    esf=False,
    budget=(
        BudgetSeed(cost_type="salaries", year=2023, amount=664000),
        BudgetSeed(cost_type="premises", year=2023, amount=30000),
        BudgetSeed(cost_type="material", year=2023, amount=15000, specification="IT och telefoni"),
        BudgetSeed(cost_type="salaries", year=2024, amount=677000),
        BudgetSeed(cost_type="premises", year=2024, amount=30000),
        BudgetSeed(cost_type="material", year=2024, amount=15000, specification="IT och telefoni"),
    ),
    submitted_on=datetime.date(2022, 11, 1),
    note=(
        "Insatsen förs in som förlängning: enligt ansökan har funktionen funnits sedan hösten 2016 "
        "och tjänsten organiseras som tidigare. De två sista målen är effektmål och saknar "
        "indikator i ansökan. Sammanfattningen skriver ”sysselloshet” och syftet ”sysslolöshet”; "
        "båda återges som de står. Postnumret 85185 skrivs 851 85. Inlämningsdatum finns inte i "
        "underlaget; 2022-11-01 är antaget eftersom ansökan skickades ut med kallelsen."
        " E-postadressen skrivs denise.wallén@sundsvall.se i ansökan; kansliet förde in "
        "denise.wallen@sundsvall.se, eftersom en e-postadress inte kan ha é före @."
    ),
)
