"""Bilaga 11 (§ 133): Arbetskonsulent på uppdrag av FK, RVN och AF."""

import datetime

from samordna.demo.applications import ApplicationSeed, BudgetSeed, GoalSeed, PartySeed

APPLICATION = ApplicationSeed(
    attachment=11,
    paragraph=133,
    kind="prolongation",
    name="Arbetskonsulent på uppdrag av FK, RVN och AF",
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
            signatory="Annika Källgård",
            contact="Annika Källgård",
            phone="010-111 62 86",
            email="annika.kallgard@forsakringskassan.se",
        ),
        PartySeed(
            member="Region Västernorrland",
            organisation="Region Västernorrland",
            unit="Region Västernorrland, Sundsvall",
            signatory="Hans Vikström",
            contact="Hans Vikström",
            phone="076-1158676",
            email="hans.vikstrom@rvn.se",
        ),
        PartySeed(
            member="Arbetsförmedlingen",
            organisation="Arbetsförmedlingen",
            unit="Arbetsförmedlingen Sundsvall",
            signatory="Mikael Eriksson",
            contact="Mikael Eriksson",
            phone="",
            email="mikael.eriksson@arbetsformedlingen.se",
        ),
    ),
    summary=(
        "Då Individ- och arbetsmarknadsförvaltningens (IAF) arbetskonsulenter har som huvuduppdrag "
        "att arbeta med personer som uppbär försörjningsstöd eller med personer som de haft i "
        "uppdrag att arbeta med enligt avtal med Arbetsförmedlingen har vissa målgrupper inte haft "
        "tillgång till utförare i samma utsträckning som andra. Det ledde till att "
        "Arbetsmarknadstorget under hösten 2016 beviljades medel till en arbetskonsulent som "
        "skulle kunna arbeta med målgruppen unga med aktivitetsersättning eller sjukpenning. "
        "Funktionen har funnits sedan dess och har lett till att Försäkringskassan som part känt "
        "avsevärt större nytta med sin samverkan på Arbetsmarknadstorget. Under 2018 beviljades "
        "Arbetsmarknadstorget också medel till en särskild arbetskonsulenttjänst för att även "
        "fortsättningsvis möta upp deltagare från samtliga parter utan att begränsas till om de "
        "uppbär försörjningsstöd eller inte. Målet var att även fortsättningsvis kunna arbeta med "
        "deltagare från Försäkringskassan, både personer som uppbär aktivitetsersättning och "
        "sjukpenning, men också deltagare från Region Västernorrland.\n\n"
        "Tjänsten förändrades från 2018 till 2019. Från att tidigare ha varit en tjänst som jobbat "
        "med en specifik metod dit samtliga myndigheter hade möjlighet att aktualisera renodlade "
        "man under 2019 tjänsten till att möta deltagare från Försäkringskassans sjukpenningssida "
        "och från Region Västernorrland. I början av 2019 var inflödet lågt men efter "
        "samverkansträffar samt förtydligande av ingång såg man från och med hösten 2019 ett "
        "stigande inflöde från Försäkringskassan och Region Västernorrland vilket gjorde att "
        "tjänsten då blev fullbesatt. Utifrån detta beviljades medel till ytterligare en tjänst "
        "från och med hösten 2021 till 2022. På grund av vakanser på både Försäkringskassan och "
        "Arbetsförmedlingens handläggare som arbetat med gemensam kartläggning har inflödet till "
        "tjänsterna inte varit i den omfattning som man trott vilket lett till att "
        "Samordningsförbundet i juni 2022 fattade ett inriktningsbeslut om att minska ned "
        "finansiering till dessa tjänster från två till en tjänst inför kommande ansökan.\n\n"
        "Syftet med tjänsten är att personer som saknar naturliga vägar in till arbetslivsriktad "
        "rehabilitering på grund av att de är i behov av förrehabiliterande insatser eller saknar "
        "vissa ersättningar som öppnar dörren till insatser från olika aktörer får detta stöd i "
        "syfte att göra dem redo för att ta steget in till ordinarie aktör."
    ),
    background=(
        "Då Individ- och arbetsmarknadsförvaltningens (IAF) arbetskonsulenter har som huvuduppdrag "
        "att arbeta med personer som uppbär försörjningsstöd eller med personer som de haft i "
        "uppdrag att arbeta med enligt avtal med Arbetsförmedlingen har vissa målgrupper inte haft "
        "tillgång till utförare i samma utsträckning som andra. Det ledde till att "
        "Arbetsmarknadstorget under hösten 2016 beviljades medel till en arbetskonsulent som "
        "skulle kunna arbeta med målgruppen unga med aktivitetsersättning eller sjukpenning. "
        "Funktionen har funnits sedan dess och har lett till att Försäkringskassan som part känt "
        "avsevärt större nytta med sin samverkan på Arbetsmarknadstorget. Under 2018 beviljades "
        "Arbetsmarknadstorget också medel till en särskild arbetskonsulenttjänst för att även "
        "fortsättningsvis möta upp deltagare från samtliga parter utan att begränsas till om de "
        "uppbär försörjningsstöd eller inte. Målet var att även fortsättningsvis kunna arbeta med "
        "deltagare från Försäkringskassan, både personer som uppbär aktivitetsersättning och "
        "sjukpenning, men också deltagare från Region Västernorrland.\n\n"
        "Tjänsten förändrades från 2018 till 2019. Från att tidigare ha varit en tjänst som jobbat "
        "med en specifik metod dit samtliga myndigheter hade möjlighet att aktualisera renodlade "
        "man under 2019 tjänsten till att möta deltagare från Försäkringskassans sjukpenningssida "
        "och från Region Västernorrland. I början av 2019 var inflödet lågt men efter "
        "samverkansträffar samt förtydligande av ingång såg man från och med hösten 2019 ett "
        "stigande inflöde från Försäkringskassan och Region Västernorrland vilket gjorde att "
        "tjänsten då blev fullbesatt. Utifrån detta beviljades medel till ytterligare en tjänst "
        "från och med hösten 2021 till 2022. På grund av vakanser på både Försäkringskassan och "
        "Arbetsförmedlingens handläggare som arbetat med gemensam kartläggning har inflödet till "
        "tjänsterna inte varit i den omfattning som man trott vilket lett till att "
        "Samordningsförbundet i juni 2022 fattade ett inriktningsbeslut om att minska ned "
        "finansiering till dessa tjänster från två till en tjänst inför kommande ansökan."
    ),
    purpose=(
        "Att personer som saknar naturliga vägar in till arbetslivsriktad rehabilitering på grund "
        "av att de är i behov av förrehabiliterande insatser eller saknar vissa ersättningar som "
        "öppnar dörren till insatser från olika aktörer får detta stöd i syfte att göra dem redo "
        "för att ta steget in till ordinarie aktör."
    ),
    target_group=(
        "Målgruppen till denna tjänst är inte homogen utan ser olika ut beroende på vilken aktör "
        "som aktualiserar\n\n"
        "- Personer som aktualiseras av Försäkringskassan kan vara personer som är sjukskrivna och "
        "som behöver få sin arbetsförmåga prövad men bedöms vara i behov av förrehabiliterande "
        "insatser innan det kan bli aktuellt att gå vidare mot det förstärkta samarbetet med "
        "Arbetsförmedlingen.\n"
        "- Personer som aktualiseras av Region Västernorrland kan vara personer som har kontakt "
        "med regionen som av olika anledningar varken får ekonomiskt bistånd eller sjukskrivning. "
        "Exempelvis de som bor hos sina föräldrar och inte har SGI. De som inte får ekonomiskt "
        "bistånd för att de äger en bostadsrätt mm.\n"
        "- Personer som aktualiseras av Arbetsförmedlingen är personer som har ett samverkansbehov "
        "mellan vård och kommun men inte erhåller ekonomiskt bistånd. Detta för att klargöra och "
        "fastställa arbetsförmågan genom arbetslivsinriktad rehabilitering för att på så sätt "
        "undvika att hamna hos ekonomiskt bistånd."
    ),
    goals=(
        GoalSeed(
            text=(
                "Fler deltagare i insatsen avslutas till studier eller arbete 2023 jämfört med "
                "2022."
            ),
            indicator="Mäts i SUS och sammanställs i årsrapporten.",
        ),
        GoalSeed(
            text="Deltagarna i insatsen närmar sig egen försörjning.",
            indicator="Mäts med NNS indikatorenkät och sammanställs i årsrapporten.",
        ),
        GoalSeed(
            text=(
                "Deltagarna i insatsen upplever att de fått hjälp att utveckla sätt att hantera "
                "sin situation."
            ),
            indicator="Mäts med NNS indikatorenkät och sammanställs i årsrapporten.",
        ),
        GoalSeed(
            text="Deltagarna upplever att finns en planering som tar vid när insatsen avslutas.",
            indicator="Mäts med NNS indikatorenkät och sammanställs i årsrapporten.",
        ),
    ),
    what_is_new=(
        "Så väl Försäkringskassan, Region Västernorrland som Arbetsförmedlingen kan aktualisera "
        "till denna tjänst. Då funktionen från och med 2023 återigen minskas ned till en tjänst "
        "kan kö till tjänsten uppstå och hanteras då särskilt av samordnare för "
        "arbetskonsulenterna på Arbetsmarknadstorget. Inflödet till tjänsten sker genom att "
        "remitterande part aktualiserar behovet av tjänsten till Arbetsmarknadstorgets "
        "beredningsgrupp som sedan tar ställning till om personen ska startas upp av "
        "arbetskonsulenten som har denna tjänst."
    ),
    implementation=(
        "Tjänsten organiseras som tidigare under Individ- och arbetsmarknadsförvaltningen (IAF) "
        "och är en del av arbetskonsulentgruppen på Arbetsmarknadstorget.\n\n"
        "Aktualisering till tjänsten sker genom Arbetsmarknadstorgets beredningsgrupp där varje "
        "parts representanter lyfter ärendet till beredning. För deltagare med sjukpenning "
        "beslutade samverkande parter under hösten 2022 om en förändring. Innan en person "
        "aktualiseras till konsulent på Arbetsmarknadstorget ska personen ha genomgått Gemensam "
        "kartläggning mellan Försäkringskassan och Arbetsförmedlingen och personen ska ha provat, "
        "eller ha bedömts inte kunna genomföra. Våga prova innan aktualisering till "
        "Arbetsmarknadstorget sker.\n\n"
        "För deltagare som aktualiseras från Arbetsförmedlingen och Region Västernorrland ska "
        "personen vara i behov av samordnade insatser och sakna möjlighet att ta del av insatser "
        "via Arbetsförmedlingen.\n\n"
        "Arbetssättet som arbetskonsulenten arbetar efter följer till stora delar de rutiner som "
        "finns på övriga Arbetsmarknadstorget med individuella team kring varje deltagare utifrån "
        "dennes behov av insatser och samverkan.\n\n"
        "Arbetskonsulenterna arbetar utifrån arbetsmetoden Individuellt Stöd i Arbete, "
        "ISA-metoden. Den har grunden i Supported Employment, men har vidareutvecklats för att "
        "passa svenska förhållanden. Båda metoderna har samma grundinställning att människor ska "
        "ha möjlighet att få ett lönearbete.\n\n"
        "Arbetskonsulenterna och deltagarna träffas inledningsvis för att kartlägga personens "
        "förutsättningar för arbete och sätter upp mål för insatsen och tiden på "
        "Arbetsmarknadstorget. Arbetet tillsammans med deltagarna fokuseras på att hitta och "
        "förstärka den egna resursen, förmågor och motivation till att finna få och behålla ett "
        "arbete. Målet är att komma i gång i arbetsträning, praktik eller studier, som kan ge "
        "deltagarna erfarenheter och möjligheter att fortsätta mot anställning/arbete eller "
        "utbildning. Matchning mot rätt arbetsträning/praktikplats har visat sig vara en "
        "framgångsfaktor, det kan därför ta tid att finna en plats för deltagaren som fungerar. I "
        "gengäld blir effekten av en lyckad matchning till passande arbetsträningsplats att "
        "deltagaren snabbare integreras i samhället och kan snabbare komma ut i självförsörjning. "
        "Arbetskonsulenterna samarbetar också med studie- och yrkesvägledare som kan ge "
        "information om utbildningar som kan passa deltagaren utifrån dennes förutsättningar. "
        "Samarbetet med företagskoordinatorer på Arbetsmarknadstorget har öppnat upp mot kontakter "
        "med näringslivet och underlättat att finna arbetstränings-/praktikplatser. "
        "Arbetskonsulentens uppdrag är att vara stöttande och hjälpa till med förberedelserna "
        "inför studier/ arbetsträning/praktik.\n\n"
        "Under tid med studier/arbetsträning/praktik, har arbetskonsulenterna tät kontakt med "
        "deltagarna på telefon och genom uppföljning på arbetsplats. Syftet med täta uppföljningar "
        "är att snabbt kunna fånga upp om det finns problem och då sätta in resurser från det "
        "nätverk som finns runt deltagarna. Det kan ex. vara vårdinsats det gäller att snabbt gå "
        "in med stöd där det behövs. Deltagarna i denna målgrupp har precis som alla andra "
        "inskrivna på Arbetsmarknadstorget också tillgång till Arbetsmarknadstorgets "
        "specialisttjänster som psykologer, arbetsterapeuter, företagskoordinatorer och Studie- "
        "och yrkesvägledare samt alla de myndigheter som representeras på Arbetsmarknadstorget. "
        "Fokus är att finna, få och behålla ett arbete. Vi arbetar utifrån deltagarens "
        "förutsättningar och i den takt som fungerar. Det kan innebära långa perioder men kravet "
        "är att det måste finnas någon form av progression i deltagarens utveckling för att "
        "arbetet ska fortgå. Vid de tillfällen det kan bli frågan om en anställning tar "
        "arbetskonsulenterna i tidigt skede kontakt med Arbetsförmedlingen, för delaktighet i "
        "förberedelser inför kommande anställning med ex. anpassningar och lönestöd om det finns "
        "behov. Det finns även möjlighet för deltagaren att ha ett efterstöd från "
        "arbetskonsulenterna när den går ut i arbete eller studier. Efterstödet kan vara hjälp med "
        "skrivelser, blanketter, råd på telefon, vid behov ett möte.\n\n"
        "En förändring från tidigare arbetssätt gjordes hösten 2022. Tidigare arbetade "
        "konsulenterna med deltagarna till dess personen klarat vara i aktivitet 10 timmar i "
        "veckan och efter detta överlämnades personen till det förstärkta samarbetet (GK) mellan "
        "Arbetsförmedlingen och Försäkringskassan. Detta gällde deltagare som aktualiserats från "
        "sjukpenningen. Framåt kommer arbetskonsulenterna istället fortsätta arbeta tillsammans "
        "med deltagarna för att klargöra dennes arbets- och aktivitetsförutsättningar så långt "
        "detta är möjligt. I ett bästa läge leder det till att personen går vidare till egen "
        "försörjning via arbete eller studier men kan också innebära att personens arbetsutbud "
        "blivit tydligare och att fortsatt planering kan ske via Arbetsförmedlingen.\n\n"
        "Även om själva tjänsten har finansierats av Samordningsförbundet har Sundsvalls kommun "
        "gått in med att erbjuda tillgång till det platsutbud och insatser som finns inom Individ- "
        "och arbetsmarknadsförvaltningen för målgruppen."
    ),
    gender_equality=(
        "Eftersom samverkande part är de som aktualiserar deltagarna har inte IAF ingen möjlighet "
        "att begränsa deltagartalet utifrån kön. Det är snarare remitterande parts bedömning av "
        "behov som styr vilka som aktualiseras. Arbetsmarknadstorget har idag som helhet en jämn "
        "fördelning mellan män och kvinnor som är inskrivna på Arbetsmarknadstorget. Resultatet "
        "vid avslut ska redovisas könsuppdelat vid halvårs- och helårsrapport."
    ),
    evaluation=(
        "Uppföljning sker kontinuerligt i möten med deltagarna. Utvärdering av olika insatser och "
        "aktiviteter sker också i det dagliga arbetet men deltagarna samt med specialister, "
        "företagskoordinator och andra samverkansparter. Fortlöpande utvärdering sker genom "
        "samverkansmöten några gånger per år med Försäkringskassans Försäkringsutredare. "
        "Deltagarna ska av arbetskonsulenten registreras i SUS och indikatorer ska följas upp "
        "genom bland annat enkäter under insats samt vid avslut. Rapport av resultatet ska göras "
        "två gånger per år i form av en halvårsrapport och en årsrapport."
    ),
    expected_results_parties=(
        "Vår förväntan är att det även kommande år ska leda till att målgruppen får tillgång till "
        "denna typ av stöd och att insatserna som vi kan ge är tillräckliga för att personen kan "
        "ta nästa steg vidare till rätt aktör för att i förlängningen komma ut i "
        "självförsörjning.\n\n"
        'Målgruppen som omfattas av denna insats riskerar många gånger att "falla mellan '
        'stolarna" om inte denna insats funnits då de kan bedömas ha en för låg aktivitetsförmåga '
        "för att bli föremål för det förstärkta samarbetet mellan Arbetsförmedlingen och "
        "Försäkringskassan. Kommunen ser förvisso vinster både på samhällsekonomiskt och personlig "
        "nivå för brukarna med att ge dessa insatser men då det inte ligger inom ramen för "
        "kommunens ansvar och uppdrag finns ingen möjlighet för implementering av tjänsten utan "
        "extern finansiering."
    ),
    expected_results_individuals=(
        "Uppdraget innebär att klargöra arbetsförmågan för de personer som aktualiseras till "
        "tjänsten. Förväntat utfall är att deltagaren fått sin arbetsförmåga klarlagd genom "
        "samordnade insatser på Arbetsmarknadstorget. I bästa fall går personen vidare direkt till "
        "egen försörjning men ett lyckat utfall är också att deltagaren ökat sin aktivitetsförmåga "
        "och fått klarlagt i vilken omfattning personen kan arbeta."
    ),
    starts_on=datetime.date(2023, 1, 1),
    ends_on=datetime.date(2024, 12, 31),
    direction="individual",
    esf=False,
    budget=(
        BudgetSeed(cost_type="salaries", year=2023, amount=568000),
        BudgetSeed(cost_type="premises", year=2023, amount=30000),
        BudgetSeed(cost_type="material", year=2023, amount=15000, specification="IT och telefoni"),
        BudgetSeed(cost_type="salaries", year=2024, amount=580000),
        BudgetSeed(cost_type="premises", year=2024, amount=30000),
        BudgetSeed(cost_type="material", year=2024, amount=15000, specification="IT och telefoni"),
    ),
    submitted_on=datetime.date(2022, 11, 1),
    note=(
        "Insatsen förs in som förlängning: tjänsten har funnits sedan 2018, organiseras som "
        "tidigare och minskas från 2023 åter till en tjänst. Region Västernorrlands kontaktperson "
        "anges som ”Hans Vikström, TF verksamhetschef Vuxenpsykiatri”; titeln står inte med i "
        "kontaktfältet, och regionen anger bara mobilnummer. Arbetsförmedlingen anger inget "
        "telefonnummer. ”Arbets sättet” i genomförandet skrivs ihop till ”Arbetssättet”. "
        "Postnumret 85185 skrivs 851 85. Inlämningsdatum finns inte i underlaget; 2022-11-01 är "
        "antaget eftersom ansökan skickades ut med kallelsen."
        " E-postadressen skrivs denise.wallén@sundsvall.se i ansökan; kansliet förde in "
        "denise.wallen@sundsvall.se, eftersom en e-postadress inte kan ha é före @."
    ),
)
