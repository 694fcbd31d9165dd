"""Bilaga 14 (§ 136): Arbetsförmedlare på Arbetsmarknadstorget (Vuxna) 2023."""

import datetime

from samordna.demo.applications import ApplicationSeed, BudgetSeed, GoalSeed, PartySeed

APPLICATION = ApplicationSeed(
    attachment=14,
    paragraph=136,
    kind="prolongation",
    name="Arbetsförmedlare på Arbetsmarknadstorget (Vuxna) 2023",
    responsible=PartySeed(
        member="Arbetsförmedlingen",
        organisation="Arbetsförmedlingen",
        unit="Sundsvall",
        signatory="Mikael Eriksson",
        contact="Peter Pettersson",
        phone="010-468 8491",
        email="peter.k.pettersson@arbetsformedlingen.se",
    ),
    organisation_number="202100-2114",
    signatory_title="",
    postal_address="Badhusparken 1",
    postal_code="851 22",
    city="Sundsvall",
    parties=(
        PartySeed(
            member="Sundsvalls kommun",
            organisation="Sundsvalls kommun",
            unit="Individ och arbetsmarknadsförvaltningen",
            signatory="Denise Wallén",
            contact="Håkan Norberg",
            phone="060- 19 10 91",
            email="hakan.norberg@sundsvall.se",
        ),
    ),
    summary=(
        "Finansiera två heltidstjänster från Arbetsförmedlingen på AMT till ett sammanlagt belopp "
        "på 1 000 000 kr för att säkerställa bemanning från AF på AMT då Arbetsförmedlingen "
        "reformeras och får andra uppdrag. Syftet är att säkerställa samverkan och medverkan på "
        "AMT under hela 2023 utifrån det goda samarbete som redan är upparbetat med snabba, "
        "effektiva konsultationer för att säkerställa ett väl fungerande samarbete. Arbetet "
        "handlar också om att fortsätta förbereda underlag och klargöra arbetsförmågan för "
        "deltagarna genom rehabiliterande insatser och utredning för att gå mot självförsörjning. "
        "Huvudsyftet är att gå mot anpassade anställningar med stöd av lönebidrag, men det kan "
        "också vara att se över möjligheter till studier eller hjälpa individen att komma fram "
        "till rätt ersättningsform. Viktigt är också att korta ledtider och öka förståelsen mellan "
        "myndigheter är också en viktig del i vårt arbete för att hjälpa medborgarna."
    ),
    background=(
        "Det har under de senaste åren pågått en reformering på Arbetsförmedlingen (AF) där det "
        "inte varit möjligt att ta personella resurser i anspråk i form av egen personal till tex. "
        "Samverkansprojekt. Finansieringen behöver därför ses över för att kunna säkerställa "
        "bemanning av de två heltidstjänster som idag finns på AMT även under 2023 för målgruppen "
        "vuxna (25-66 år).\n\n"
        "I delårsrapporten för 2022 (1 jan -30 juni) går att läsa att de två arbetsförmedlare som "
        "är placerade på AMT gjorde totalt 59 st anställningar, det bör då noteras att årsmålet "
        "var 60 totalt. Totalt har arbetsförmedlingens medarbetare på AMT ca 240 ärenden löpande "
        "över tid med rullande intag och även avslut.\n\n"
        "Utöver sina egna ärenden har de också medarbetarna från Arbetsförmedlingen också en "
        "konsultativ roll mot de andra representanterna på AMT men också mot arbetsförmedlare på "
        "lokala Arbetsförmedlingen, under första halvåret hanterades 150 ärenden konsultativt.\n\n"
        "Medarbetarna är också med i olika samverkansform eller representerar AF på annat sätt för "
        "att främja samverkan mellan olika parter så som; socialtjänsten, beredningen för "
        "intagning av personer på AMT, KRIM, vuxenstöd, Region Västernorrland både specialist- och "
        "primärvård och SBC.\n\n"
        "Bakgrunden till insatsen är att Arbetsförmedlingen har deltagit i samordnade insatser på "
        "AMT sedan starten 2016. Insatsen främjar samverkan kring personer med "
        "funktionsnedsättningar som uppstår försörjningsstöd, eller där Arbetsförmedlingen ser ett "
        "stort samverkansbehov med andra myndigheter så som Sundsvalls kommun eller Region "
        "Västernorrland. Arbetsförmedlingen har ett grunduppdrag när det gäller "
        "funktionshinderpolitiken att utreda samt stötta personer med funktionsnedsättningar för "
        "att klargöra arbetsförmågan och kommer närmare arbetsmarknaden. I detta uppdrag ingår "
        "arbetsträning, samordning av utredande insatser kring personers behov men också att "
        "arbeta mot subventionerade anställningar i form av lönebidrag. Genom att samverka med "
        "olika myndigheter har det öppnats upp möjligheter till olika arbetsträningsarenor som "
        "annars hade varit svåra att nå för personer som varit långtidsarbetslösa, och på så sätt "
        "har det kunnat få möjlighet till arbetsträning på mer anpassade arenor än tidigare. Något "
        "som visat sig vara gynnsamt för att kunna bedöma och klargöra arbetsförmågan.\n\n"
        "Insatsen har funnits till under flertalet år då målgruppen tidigare har hanterats på var "
        "sitt håll inom respektive myndighet men sedan starten 2016 har det tagits ett större "
        "helhetsgrepp då de olika myndigheterna samlokaliseras på AMT Sundsvall. Detta gjordes för "
        "att samverkan ska ske på ett smidigt sätt och att kunden ska komma i fokus. Ledtiderna "
        "kortas genom samverkan och Arbetsförmedlingen ser att genom AMT hjälper vi deltagarna att "
        "få stöd och rätt ersättning av olika myndigheter på en samlokaliserad plats. Något som "
        "tidigare varit svårt att tillgodose."
    ),
    purpose=(
        "Finansiera två heltidstjänster från Arbetsförmedlingen på AMT till ett sammanlagt belopp "
        "på 1000 000 kr för att säkerställa bemanning från AF på AMT då Arbetsförmedlingen "
        "reformeras och får andra uppdrag. Syftet är att säkerställa samverkan och medverkan på "
        "AMT under hela 2023 utifrån det goda samarbete som redan är uppbyggt med snabba, "
        "effektiva konsultationer för att säkerställa ett väl fungerande samarbete. Arbetet "
        "handlar också om att fortsätta förbereda underlag och klargöra arbetsförmågan för "
        "deltagarna genom rehabiliterande insatser och utredning för att gå mot självförsörjning. "
        "Huvudsyftet är att gå mot anpassade anställningar med stöd av lönebidrag, men det kan "
        "också vara att se över möjligheter till studier eller hjälpa individen att komma fram "
        "till rätt ersättningsform. Viktigt är också att korta ledtider och öka förståelsen mellan "
        "myndigheter är också en viktig del i vårt arbete för att hjälpa medborgarna."
    ),
    target_group=(
        'Målgrupp för insatsen är personer mellan 25-66 år som ingår i begreppet "vuxna" på '
        "Arbetsförmedlingen. Dessa sökanden skall ha försörjningsstöd samt ha en nedsatt "
        "arbetsförmåga som behöver kompenseras i form av ett lönebidrag (LBC) i anställning efter "
        "att sökanden fått en kvalitetssäkrad funktionsvariationskod."
    ),
    goals=(
        GoalSeed(
            text=(
                "Målet är att om möjligt fastställa en arbetsförmåga hos individen för att sedan "
                "gå mot en subventionerad anställning, anställning utan stöd, studier och/eller "
                "ersättning från annan myndighet. Det kan handla om att se ett helhetsperspektiv "
                "för medborgarna genom att gå vidare mot vårdande instanser, ha möjlighet att "
                "ansöka om sjuk- eller aktivitetsersättning från Försäkringskassan, möjligheten "
                "till att studera, anställningar eller gå mot sysselsättning inom kommunal "
                "verksamhet (LSS). Dessutom handlar det också om att efter avslutad insats på AMT "
                "skapa en fortsatt planering inom Arbetsförmedlingen för att slussa personen rätt "
                "insats."
            ),
            indicator="Anges inte i ansökan.",
        ),
        GoalSeed(
            text=(
                "Målsättningen är att under 2023 genomföra minst 60 subventionerade anställningar "
                "med lönebidrag (OSA och Lönebidrag för utveckling i anställning LFU). "
                "Anställningarna kan vara förlagda både inom kommunal-, statlig- och privat "
                "verksamhet samt även inom ideella föreningar. Detta mål är satt efter diskussion "
                "kring resultat 2022 utifrån de postpandemiska effekterna och en analkande "
                "kraftfull lågkonjunktur."
            ),
            indicator="Anges inte i ansökan.",
        ),
        GoalSeed(
            text="Deltagare i individriktade insatser närmar sig egen försörjning.",
            indicator="Mäts med NNS indikatorenkät och sammanställs i förbundets årsredovisning.",
        ),
        GoalSeed(
            text=(
                "Deltagare i individriktade insatser upplever att de fått hjälp att utveckla sätt "
                "att hantera sin situation."
            ),
            indicator="Mäts med NNS indikatorenkät och sammanställs i förbundets årsredovisning.",
        ),
        GoalSeed(
            text=(
                "Deltagarna upplever att det finns en planering som tar vid när insatsen avslutas."
            ),
            indicator="Mäts med NNS indikatorenkät och sammanställs i förbundets årsredovisning.",
        ),
        GoalSeed(
            text=(
                "Samverkansstrukturen inom Samordningsförbundet i Sundsvall är en fungerande "
                "plattform för att initiera, upprätthålla och underhålla relationen mellan "
                "inblandade parter."
            ),
            indicator="Mäts med NNS indikatorenkät och sammanställs i förbundets årsredovisning.",
        ),
    ),
    what_is_new=(
        "Om inte dessa handläggare kan sitta på AMT och vara med i planering och förberedelser "
        "inför funktionsvariationshinderkod så finns senare ingen möjlighet till anställning. "
        "Målgruppen skulle annars inte prioriteras då det krävs ett coachande och uppföljningsbart "
        "arbete under tiden sökanden är på AMT och får hjälp i att finna och få anställning."
    ),
    implementation=(
        "Arbetsförmedlarna på AMT kommer fortsättningsvis ha chef på Arbetsförmedlingen och styrs "
        "i sina uppdrag och prioriteringar av närmaste chef på Arbetsförmedlingen i tätt samarbete "
        "med övriga funktioner på AMT. Samverkan sker främst med övriga funktioner på AMT som "
        "arbetskonsulenter, psykologer, arbetsterapeuter, ekonomiskt bistånd m.m. Målet med "
        "insatsen är att fortsätta den konsultativa roll som Arbetsförmedlingen har på AMT mot "
        "samtlig personal på AMT för att stödja i inhämtande av relevanta underlag för att kunna "
        "sätta funktionshinderkod som sen eventuellt kvalificerar för lönebidrag i anställning. "
        "Arbetsförmedlarna på AMT fortsätter att tydliggöra Arbetsförmedlingens roll för att "
        "förbättra samverkan. Fortsatt bemanning på beredningen Arbetsförmedlingen/AMT för att "
        "konsulteras för både unga och vuxna. Därefter tittar handläggarna på förutsättningar att "
        "eventuellt få en funktionsvariationshinderkod. I de fall förutsättningar finns så flyttas "
        "sökanden över på någon av de 2 handläggarna på AF som arbetar på AMT mot målgruppen. Sen "
        "följer en planering med arbetskonsulent och Arbetsförmedlingen kring individerna fram "
        "tills att sökanden är redo att finna och behålla ett subventionerat arbete med LBI inom "
        "eller utom kommunen. När det gäller tid i aktivitet så är den ytterst individuell "
        "beroende på sökandens förutsättningar och behov."
    ),
    gender_equality=(
        "Handläggarna på AF strävar efter en jämn fördelning utifrån kön och ålder. Önskvärt är "
        "att intaget via beredningen har en jämn spridning i kön och ålder. Målet är 50/50. "
        "Insatsen kommer vid vissa tillfällen under året att göra stickprov på antalet män och "
        "kvinnor i insatsen för att se könsfördelning. Utfallet för deltagarna i insatsen kommer "
        "att redovisas per kön."
    ),
    evaluation=(
        "Arbetsförmedlingen kommer att följa resultaten i SUS löpande på processträffar varannan "
        "vecka för att utvärdera insats mot resultat. Här skall alltid eftersträvas en jämn "
        "fördelning mellan kön och ålder. Kan även finnas behov att kvartalsvis redovisa resultat "
        "till arbetsförmedlingens ledningsgrupp på enhetsnivå."
    ),
    expected_results_parties=(
        "Samverkande parter ska kunna se resultat och utvärdera dessa utifrån en ekonomisk "
        "samhällskalkyl baserat på minskade volymer i bidragsberoende och fler som blir "
        "egenförsörjande."
    ),
    expected_results_individuals=(
        "Arbetsförmedlingen och AMT förväntar sig att samtliga i målsättningen (60st) blir "
        "permanent egenförsörjande via fortsatt jobb, studier eller övergår till att få "
        "arbetslöshetsförsäkring. Ekonomiskt blir det stor skillnad för individerna som har "
        "möjlighet att förverkliga egenförsörjning med målet att skapa sig en bättre "
        "levnadsstandard."
    ),
    starts_on=datetime.date(2023, 1, 1),
    ends_on=datetime.date(2023, 12, 31),
    direction="individual",
    esf=False,
    budget=(BudgetSeed(cost_type="salaries", year=2023, amount=1000000),),
    submitted_on=datetime.date(2022, 11, 1),
    note=(
        "Ansökan anger organisationsnummer 222100-2114, som inte är giltigt (kontrollsiffran); "
        "kansliet rättade till Arbetsförmedlingens 202100-2114. Insatsen förs in som förlängning: "
        "de två heltidstjänsterna finns idag på Arbetsmarknadstorget och Arbetsförmedlingen har "
        "deltagit där sedan starten 2016. De två första målen saknar indikator i ansökan; meningen "
        "”Målet med insatsen är att i så stor omfattning som möjligt följa samordningsförbundet i "
        "Sundsvalls övergripande mål:” inleder de fyra sista målen och är inte förd som eget mål. "
        "Budgeten återges som ansökan skriver den (1 000 000 kr i lönekostnader); § 136 beviljade "
        "940 000 kr till tjänsterna och avsatte 60 000 kr för lokalkostnader till Individ och "
        "arbetsmarknadsförvaltning, Sundsvalls kommun. Samverkansparten Sundsvalls kommuns "
        "telefonnummer återges som det står, med mellanslag efter riktnumret. Inlämningsdatum "
        "finns inte i underlaget; 2022-11-01 är antaget eftersom ansökan skickades ut med "
        "kallelsen."
    ),
)
