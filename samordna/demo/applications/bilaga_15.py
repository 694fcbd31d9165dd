"""Bilaga 15 (§ 137): Psykolog."""

import datetime

from samordna.demo.applications import ApplicationSeed, BudgetSeed, GoalSeed, PartySeed

APPLICATION = ApplicationSeed(
    attachment=15,
    paragraph=137,
    kind="prolongation",
    name="Psykolog",
    responsible=PartySeed(
        member="Sundsvalls kommun",
        organisation="Sundsvalls kommun",
        unit="Specialistteam/arbetsmarknadstorg",
        signatory="Denise Wallén",
        contact="Bodil Mattsson",
        phone="072-143 82 96",
        email="bodil.mattsson@sundsvall.se",
    ),
    organisation_number="212000-2411",
    signatory_title="",
    postal_address="Norrmalmsgatan 4",
    postal_code="851 85",
    city="Sundsvall",
    parties=(
        PartySeed(
            member="Arbetsförmedlingen",
            organisation="Arbetsförmedlingen",
            unit="Sundsvall",
            signatory="Mikael Eriksson",
            contact="Peter Pettersson",
            phone="010-486 84 91",
            email="peter.k.pettersson@arbetsformedlingen.se",
        ),
    ),
    summary=(
        "Under 2023 ska Arbetsmarknadstorget arbeta enligt BIP forskningen som belyser "
        "evidensbaserade förutsättningar för att individer som står långt ifrån arbetsmarknaden "
        "ska komma närmare arbete och kunna ingå i befintliga insatser från Af, Fk och kommunen. "
        "Psykologen ska under första kvartalet utveckla ett arbetssätt i enlighet med forskningen "
        "som syftar till att kunna erbjuda kvalitativt goda insatser till så många deltagare som "
        "möjligt. Bland annat ska psykolog och arbetsterapeut tillsammans börja leda grupper, vars "
        "innehåll syftar till att stärka psykisk hälsa, välmående och produktivitet. Grupperna "
        "blir ett komplement till de individuella kontakter som vi redan idag erbjuder deltagare "
        "som av olika skäl inte kan tillgodogöra sig innehållet i gruppinterventioner. Utöver "
        "insatser riktade till deltagare kommer psykologen att fortsätta jobba med samverkan "
        "mellan olika aktörer och med utbildning/handledning/konsultation till personal knutna "
        "till torget. Resultat/måluppfyllelse av insatserna utvärderas både kvalitativt och "
        "kvantitativt och redovisas i del- och slutårsrapport till Samordningsförbundet. "
        "Psykologens arbete mot att belysa, undanröja hinder och stärka förmågor hos deltagare "
        "samt jobba stöttande och dela med sig av psykologisk kunskap till personal kommer att "
        "förbättra deltagarnas chanser att komma ut i arbete."
    ),
    background=(
        "Arbetsmarknadstorget har valt att arbeta enligt BIP forskningen som belyser "
        "evidensbaserade förutsättningar för att individer som står långt ifrån arbetsmarknaden "
        "ska komma närmare arbete och kunna ingå i befintliga insatser från Af, Fk och kommunen. "
        "Forskningen omfattar perspektiv från organisatorisk nivå ända ner på individnivå. Viktiga "
        "förutsättningar för anställningsbarhet är enligt BIP att individen kan hantera sin "
        "vardag, hälsoutmaningar, uppvisa samarbetsförmåga och "
        "målmedvetenhet/koncentrationsförmåga samt förmåga att ta instruktioner. På organisatorisk "
        "och ledarskapsnivå är det viktigt med samverkan, att tro på individen och att erbjuda "
        "parallella insatser i sömlösa spår utan onödiga väntetider och där man följer individens "
        "individuella progression. Tillsammans med deltagaren och i samråd med arbetskonsulenter, "
        "socialsekreterare och andra samverkande parter på arbetsmarknadstorget hjälps vi åt att "
        "förstå hur deltagaren bäst motiveras och vilka förutsättningar, anpassningar som behövs "
        "för att kunna tillägna sig ny kunskap.\n\n"
        "För att fler deltagare ska kunna erbjudas våra insatser ska psykolog och arbetsterapeut "
        "tillsammans börja leda grupper, vars innehåll syftar till att stärka psykisk hälsa, "
        "välmående och produktivitet. Grupperna blir ett komplement till de individuella kontakter "
        "som vi redan idag erbjuder deltagare som av olika skäl inte kan tillgodogöra sig "
        "innehållet i gruppinterventionerna. Utöver insatser riktade till deltagare kommer "
        "psykologen att fortsätta jobba med samverkan mellan olika aktörer och med "
        "utbildning/handledning/konsultation till personal knutna till torget. Vidareutveckling av "
        "specialisternas arbetssätt och insatser i enlighet med BIP-forskningen kommer att fortgå "
        "under första kvartalet 2023."
    ),
    purpose=(
        "Arbeta stödjande, rådgivande och i viss mån kompetensförstärkande gentemot annan personal "
        "som jobbar deltagarnära. Stärka deltagares färdigheter och hjälpa till med att möjliggöra "
        "att de får rätt förutsättningar att etablera sig på arbetsmarknaden. Medverka till "
        "samverkan mellan myndigheter och bidra till att förmedla psykologisk kunskap i "
        "verksamheten."
    ),
    target_group=(
        "Målgrupp för utbildnings- och konsultativa insatser:\n\n"
        "Personal på Arbetsmarknadstorget som jobbar med deltagare, samverkanspartner samt "
        "handledare på arenor och andra praktikplatser knutna till Arbetsmarknadstorget.\n\n"
        "Målgrupp för individinsatser:\n\n"
        "Personer mellan 16-64 år som uppbär någon form av försörjningsstöd, aktivitetsstöd, "
        "utvecklingsersättning, sjukpenning eller arbetslöshetsersättning.\n\n"
        "Personer mellan 19-29 år som uppbär aktivitetsersättning.\n\n"
        "Personer inom det kommunala aktivitetsansvaret (KAA)."
    ),
    goals=(
        GoalSeed(
            text=(
                "Att öka personalgruppens kunskap och färdigheter inom psykologiska områden som är "
                "viktiga för att nå framgång i deltagararbetet. Fokus för utbildningsinsatser "
                "bestäms framöver i samråd med enhetschefer. Exempel på teman kan vara: Bemötande, "
                "motiverande samtal, hur man sätter upp målsättningar som bottnar i individens "
                "egna värderingar, psykopatologi (ångest/personlighetsproblematik) eller kognitiv "
                "funktionsnedsättningar."
            ),
            indicator=(
                "Två genomförda utbildningstillfällen (exempelvis workshop eller föreläsning) per "
                "år. Kvalitativ utvärdering av dessa för att säkerställa att personalen finner "
                "innehållet relevant utifrån deras arbete och att läromålen för "
                "utbildningsmomentet uppfylls."
            ),
        ),
        GoalSeed(
            text=(
                "Erbjuda stödjande, rådgivande konsultation i ärenden för personal på "
                "arbetsmarknadstorget som jobbar deltagarnära."
            ),
            indicator=(
                "Regelbundna konsultationstider ska erbjudas personal som ska få ta del av stödet. "
                "Insatsen utvärderas kvantitativt och kvalitativt med målsättningen att de som "
                "emottagit stödet ska uppleva att det har bidragit till förbättrade kunskaper som "
                "fungerar kompetenshöjande, stöttande eller avlastande."
            ),
        ),
        GoalSeed(
            text=(
                "Medverka till samverkan mellan myndigheter och bidra till att förmedla "
                "psykologisk kunskap i hela verksamheten."
            ),
            indicator=(
                "Regelbundna konsultationstider ska erbjudas personal som ska få ta del av stödet. "
                "Insatsen utvärderas kvantitativt och kvalitativt med målsättningen att de som "
                "emottagit stödet ska uppleva att det har bidragit till förbättrade kunskaper som "
                "fungerar kompetenshöjande, stöttande eller avlastande."
            ),
        ),
        GoalSeed(
            text="Att personalen ska uppleva psykologen som en tillgänglig resurs i verksamheten.",
            indicator=(
                "Regelbundna konsultationstider ska erbjudas personal som ska få ta del av stödet. "
                "Insatsen utvärderas kvantitativt och kvalitativt med målsättningen att de som "
                "emottagit stödet ska uppleva att det har bidragit till förbättrade kunskaper som "
                "fungerar kompetenshöjande, stöttande eller avlastande."
            ),
        ),
        GoalSeed(
            text=(
                "Att genom hälsobefrämjande råd och stöd via gruppintervention eller individuellt "
                "bidra till att deltagare kan vara kvar i, återgå till eller skaffa ett "
                "arbete/arbetspraktik/studier. Insatserna kan vara av stöttande, psykopedagogisk "
                "och färdighetstränande karaktär tillsammans med situationsspecifika insatser som "
                "handlar om att hitta anpassningar eller kompensation. Stötta deltagare att komma "
                "i kontakt med lämplig vårdgivare och få hjälp med att förstå och kommunicera sin "
                "problematik till personal som jobbar i ärendet."
            ),
            indicator=(
                "Psykologen ska utveckla ett arbetssätt i enlighet med BIP forskningen som syftar "
                "till att kunna erbjuda kvalitativt goda insatser till så många deltagare som "
                "möjligt. Erbjudna insatser ska utvärderas och leda till något av följande: ökad "
                "förståelse, stärkt förmåga, bättre hälsa och/eller anpassning."
            ),
        ),
    ),
    what_is_new=(
        "Inom vården arbetar psykologer och annan vårdpersonal med att medicinskt förebygga, "
        "utreda och behandla sjukdomar och skador, huvudsakligen genom medicin och "
        "psykoterapeutisk behandling med symtomlindring utifrån den psykiatriska diagnos som "
        "bedöms vara aktuell. Resursbrister inom vården har lett till begränsade behandlingsfokus "
        "där man som behandlare sällan kan fokusera på den psykiska ohälsans påverkan inom alla "
        "livsområden eller har möjlighet att jobba med färdighetsträning och preventivt "
        "hälsoarbete. Det som är nyskapande med Arbetsmarknadstorget och helt i linje med BIP "
        "forskningen är att vi arbetar i tvärprofessionella team och samverkar både internt och "
        "externt i parallella processer och på så sätt kan tillgodose deltagarnas behov och kunna "
        "erbjuda rätt förutsättningar utifrån varje enskild individs förutsättningar och kontext. "
        "Psykologen bidrar med viktig kunskap rörande sin expertis om hur man kan förstå och "
        "påverka mänskligt beteende för att stötta deltagare att uppnå sin fulla potential samt är "
        "en viktig länk i samverkan mellan arbetsmarknadstorget och vården. En psykolog på "
        "Arbetsmarknadstorget arbetar utifrån samma kunskapsbas som psykologer som arbetar inom "
        "regionen men med fokus på hälsa och funktion sett utifrån ett sysselsättningsperspektiv."
    ),
    implementation=(
        "Som psykolog arbetar jag med stötta deltagarna att hantera sin hälsa och sin vardag och "
        "lär ut färdigheter som behövs för att klara av en yrkesutbildning eller att fungera "
        "långsiktigt på en arbetsplats. Via psykopedagogiska insatser, färdighetsträning, "
        "motivationsarbete, anpassning och en stöttande approach jobbar man tillsammans med "
        "arbetshinder som t ex självbild, stress/kravkänslighet, kommunikation- och "
        "relationsfärdigheter, samarbetsförmåga, initiativförmåga, inlärningsförmåga, "
        "problem/konfliktlösningsförmåga, organisering/planeringsförmågor. Även specifika problem "
        "kopplade till särskild psykiatrisk diagnos eller psykisk funktionsnedsättning handläggs "
        "genom man hjälper deltagaren att ta kontakt med rätt vårdinstans."
    ),
    gender_equality=(
        "I tidigare mätningar har könsfördelningen i ärenden till psykolog varit relativt jämn. "
        "Statistik rörande könsfördelning och resultat i aktuella ärenden till psykolog kommer att "
        "utvärderas på årsbasis."
    ),
    evaluation=(
        "Utvärdering utbildningsinsatser:\n\n"
        "Enskilda utbildningsinsatser ska utvärderas med hjälp av enkät efter genomfört moment. "
        "Utvärderingen ska svara på frågor rörande innehållet i det som momentet avser att lära "
        "ut, och om personalen tror sig ha nytta av insatsen i sitt deltagarbete.\n\n"
        "Utvärdering konsultativa insatser:\n\n"
        "Konsultationsarbetet utvärderas både kvalitativt- och kvantitativt med hjälp av enkät i "
        "en gång per termin.\n\n"
        "Utvärdering individuella insatser:\n\n"
        "Uppföljningssystemet Finsam kommer att användas för att mäta insatserna på volymnivå.\n\n"
        "För att följa upp våra mål kommer vi att använda oss av indikatorerna framtagna av "
        "Nationella nätverket för samordningsförbund. Indikatorerna är följande:\n\n"
        "- Deltagare i insatsen närmar sig egen försörjning.\n"
        "Indikator: Mäts med NNS indikatorenkät och sammanställs i årsredovisning.\n"
        "- Deltagare i insatsen upplever att de fått hjälp att utveckla sätt att hantera sin "
        "situation.\n"
        "Indikator: Mäts med NNS indikatorenkät och sammanställs i årsredovisning.\n"
        "- Deltagarna upplever att det finns en planering som tar vid när insatsen avslutas.\n"
        "Indikator: Mäts med NNS indikatorenkät och sammanställs i årsredovisning\n\n"
        "Deltagare som deltar i gruppinterventioner kommer erbjudas att utvärdera interventionen "
        "vid avslut."
    ),
    expected_results_parties=(
        "De konsultativa insatserna till personal inom Arbetsmarknadstorget förväntas resultera i "
        "att samverkande part får ta del av psykologisk kompetens och vägledning för att "
        "underlätta i deras fortsatta process mot arbete tillsammans med deltagaren."
    ),
    expected_results_individuals=(
        "Psykologens arbete mot att undanröja hinder och stärka förmågor hos deltagare samt jobba "
        "stöttande och dela med sig av psykologisk kunskap till personal kommer att förbättra "
        "deltagarnas chanser att komma ut i arbete."
    ),
    starts_on=datetime.date(2023, 1, 1),
    ends_on=datetime.date(2023, 12, 31),
    direction="individual",
    esf=False,
    budget=(
        BudgetSeed(cost_type="salaries", year=2023, amount=867000),
        BudgetSeed(cost_type="premises", year=2023, amount=30000),
        BudgetSeed(
            cost_type="other", year=2023, amount=15000, specification="Anges inte i ansökan"
        ),
    ),
    submitted_on=datetime.date(2022, 11, 1),
    note=(
        "Insatsen förs in som förlängning: psykologen erbjuder redan idag deltagare individuella "
        "kontakter och ska fortsätta sitt samverkansarbete; nytt 2023 är gruppinsatser enligt BIP. "
        "Målen står i ansökan under rubrikerna Övergripande mål utbildningsinsats, konsultation "
        "och individuella insatser; konsultationens tre mål delar en indikator, som därför står "
        "vid vart och ett av dem. Övriga kostnader 15 000 kr saknar angiven typ (§ 137 beskriver "
        "kostnaderna som personal, lokal och data/IT). § 137 beviljar medlen ”för 2022”, men "
        "ansökan och utbetalningen gäller 2023, så perioden är 2023. Båda kontaktpersonerna anger "
        "bara mobilnummer. Inlämningsdatum finns inte i underlaget; 2022-11-01 är antaget eftersom "
        "ansökan skickades ut med kallelsen."
    ),
)
