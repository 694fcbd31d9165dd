"""Bilaga 13 (§ 135): Arbetsterapeut."""

import datetime

from samordna.demo.applications import ApplicationSeed, BudgetSeed, GoalSeed, PartySeed

APPLICATION = ApplicationSeed(
    attachment=13,
    paragraph=135,
    kind="prolongation",
    name="Arbetsterapeut",
    responsible=PartySeed(
        member="Sundsvalls kommun",
        organisation="Sundsvalls kommun",
        unit="Specialistteamet/Arbetsmarknadstorg",
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
            contact="Peter Petersson",
            phone="010-486 84 91",
            email="peter.k.petersson@arbetsformedlingen.se",
        ),
    ),
    summary=(
        "Syfte\n\n"
        "Att genom gruppinterventioner med fokus på helheten och hälsa bidra till att deltagare "
        "ökar sina förutsättningar att komma närmare egen försörjning.\n\n"
        "Att genom konsultation till övriga parter på Arbetsmarknadstorget ge stöd i deras process "
        "tillsammans med deltagare.\n\n"
        "Mål\n\n"
        "- Att genom hälsofrämjande råd och stöd bidra till att deltagare kan vara kvar i, återgå "
        "till eller skaffa ett arbete.\n"
        "- Att i samverkan med övriga parter inta en konsultativ roll som stöd till "
        "arbetskonsulent/socialsekreterare i deras process med deltagare.\n"
        "- Utarbeta under första kvartalet 2023 de gruppinterventioner som ska ligga till grund "
        "för arbetsterapeuten i det fortsatta arbetet i enlighet med BIP.\n"
        "- Att genom gruppinterventioner stärka deltagare att vara kvar i, återgå till eller "
        "skaffa ett arbete.\n\n"
        "Hur insatsen ska genomföras\n\n"
        "Under första kvartalet 2023 utveckla förslag, innehåll och upplägg rörande "
        "gruppintervention i enlighet med BIP som ska ligga till grund för Arbetsmarknadstorgets "
        "fortsatta arbete framåt. Därefter erbjuda gruppinterventioner till deltagare samt "
        "genomföra dessa utifrån det som beslutats rörande upplägg och innehåll. Skapa rutiner för "
        "information och anmälan till gruppintervention och kommunicera detta till övriga parter "
        "på arbetsmarknadstorget.\n\n"
        "Utifrån en problemformulering från arbetskonsulent/socialsekreterare genomförs en "
        "konsultation med syfte att ge stöd till arbetskonsulent/socialsekreterare i deras arbetet "
        "för att stötta deltagaren till att vara kvar i, återgå till eller skaffa ett arbete.\n\n"
        "Arbetsterapeut kommer att utveckla ytterligare former för att ge det konsultativa stödet "
        "till arbetskonsulenter /socialsekreterare. De nya arbetssättet kommer att bygga på "
        "önskemål från dessa parter och är under utredning.\n\n"
        "Förväntade resultat\n\n"
        "De konsultativa insatserna till personal inom Arbetsmarknadstorget förväntas resultera i "
        "att samverkande part får ta del av arbetsterapeutisk kompetens och vägledning för att "
        "underlätta i deras fortsatta process mot arbete tillsammans med deltagaren.\n\n"
        "De övergripande resultatet vi förväntar oss av gruppinterventionerna samt råd-och "
        "stödinsatser är att dessa ska skapa förutsättningar för deltagare till att uppleva ökad "
        "aktivitetsförmåga, delaktighet och självständighet samt öka möjligheter till att vara "
        "kvar i, återgå till eller skaffa ett arbete. Resultatet följs upp och mäts med NNS "
        "indikatorenkät och sammanställs i årsredovisning."
    ),
    background=(
        "Arbetsmarknadstorget har valt att arbeta enligt BIP forskning, vilket innebär att arbetet "
        "med deltagare ska utgå ifrån hälsospår som en del i det holistiska arbetssättet. För att "
        "deltagare ska kunna få tillgång till fler parallella insatser för att öka möjligheter "
        "till egen försörjning har beslut tagits att satsa på gruppinterventioner. Dessa "
        "gruppinterventioner ska vara av mer generell karaktär och utgå från en helhetsbild där "
        "både hälsa, arbete, relationer etc. ingår. För att utveckla detta arbetssätt och skapa "
        "meningsfulla insatser i enlighet med BIP-forskningen ska arbetsterapeuten och psykologen "
        "förändra sitt arbetssätt och i stor utsträckning arbeta med att utveckla och genomföra "
        "gruppinterventioner.\n\n"
        "Arbetsterapeuten har även en konsulterande roll för de samverkande parterna på "
        "Arbetsmarknadstorget och ska bidra med arbetsterapeutisk kompetens och vägledning som är "
        "en viktig del i det holistiska arbetet för att stötta våra deltagare till egen "
        "försörjning."
    ),
    purpose=(
        "Att genom gruppinterventioner med fokus på helheten och hälsa bidra till att deltagare "
        "ökar sina förutsättningar att komma närmare egen försörjning.\n\n"
        "Att genom konsultation till övriga parter på Arbetsmarknadstorget ge stöd i deras process "
        "tillsammans med deltagare."
    ),
    target_group=(
        "Arbetsmarknadstorget i Sundsvall är en samverkansplattform där personal från Sundsvalls "
        "kommun (Individ- och arbetsmarknadsförvaltningen och Barn- och utbildningsförvaltningen), "
        "Försäkringskassan, Arbetsförmedlingen och Region Västernorrland arbetar tillsammans med "
        "personer som behöver samordnade insatser för att komma vidare mot arbete eller "
        "studier.\n\n"
        "Personer mellan 16-64 år som uppbär någon form av försörjningsstöd, aktivitetsstöd, "
        "utvecklingsersättning, sjukpenning eller arbetslöshetsersättning.\n\n"
        "Personer mellan 19-29 år som uppbär aktivitetsersättning.\n\n"
        "Personer inom det kommunala aktivitetsansvaret (KAA).\n\n"
        "Personal på Arbetsmarknadstorget samt handledare på arenor och andra praktikplatser "
        "knutna till Arbetsmarknadstorget."
    ),
    goals=(
        GoalSeed(
            text=(
                "Att genom hälsofrämjande råd och stöd bidra till att deltagare kan vara kvar i, "
                "återgå till eller skaffa ett arbete."
            ),
            indicator="Anges inte i ansökan.",
        ),
        GoalSeed(
            text=(
                "Att i samverkan med övriga parter inta en konsultativ roll som stöd till "
                "arbetskonsulent/socialsekreterare i deras process med deltagare."
            ),
            indicator="Anges inte i ansökan.",
        ),
        GoalSeed(
            text=(
                "Utarbeta under första kvartalet 2023 de gruppinterventioner som ska ligga till "
                "grund för arbetsterapeuten i det fortsatta arbetet i enlighet med BIP."
            ),
            indicator="Anges inte i ansökan.",
        ),
        GoalSeed(
            text=(
                "Att genom gruppinterventioner stärka deltagare att vara kvar i, återgå till eller "
                "skaffa ett arbete."
            ),
            indicator="Anges inte i ansökan.",
        ),
        GoalSeed(
            text="Deltagare i insatsen närmar sig egen försörjning.",
            indicator="Mäts med NNS indikatorenkät och sammanställs i årsredovisning.",
        ),
        GoalSeed(
            text=(
                "Deltagare i insatsen upplever att de fått hjälp att utveckla sätt att hantera sin "
                "situation."
            ),
            indicator="Mäts med NNS indikatorenkät och sammanställs i årsredovisning.",
        ),
        GoalSeed(
            text=(
                "Deltagarna upplever att det finns en planering som tar vid när insatsen avslutas."
            ),
            indicator="Mäts med NNS indikatorenkät och sammanställs i årsredovisning.",
        ),
        GoalSeed(
            text=(
                "Utvärdera socialsekreterare och arbetskonsulenternas upplevelse av "
                "arbetsterapeutens konsulterande roll samt om det bidragit till att möta upp "
                "behoven som finns."
            ),
            indicator=(
                "Redovisa enkätundersökning med kvalitativa och kvantitativa frågeställningar i "
                "samband med del och helårsrapport."
            ),
        ),
        GoalSeed(
            text="Utvärdera gruppinsats.",
            indicator="Redovisa utvärdering i samband med del och helårsrapport.",
        ),
    ),
    what_is_new=(
        "Arbetsterapeuten behöver under 2023 arbeta med att tydliggöra den nya rollen på "
        "arbetsmarknadstorget inom organisationen Individ- och arbetsmarknadsförvaltningen (IAF). "
        "Det är av stor vikt att fortsätta skapa processer som innebär en tillgänglighet för alla "
        "samverkande parter på Arbetsmarknadstorget. Arbetsterapeuten ska se över sitt arbetssätt "
        "och utveckla former för ett mer konsultativt stöd till arbetskonsulenter och "
        "socialsekreterare. För att fler ska kunna få ta del av det arbetsterapeutiska "
        "perspektivet behöver arbetsterapeuten i större utsträckning fungera som ett komplement "
        "och stöd till arbetskonsulenter för att underlätta deras process i det deltagarnära "
        "arbetet."
    ),
    implementation=(
        "Under första kvartalet 2023 utveckla förslag, innehåll och upplägg rörande "
        "gruppintervention i enlighet med BIP som ska ligga till grund för Arbetsmarknadstorgets "
        "fortsatta arbete framåt. Därefter erbjuda gruppinterventioner till deltagare samt "
        "genomföra dessa utifrån det som beslutats rörande upplägg och innehåll. Skapa rutiner för "
        "information och anmälan till gruppintervention och kommunicera detta till övriga parter "
        "på arbetsmarknadstorget.\n\n"
        "Utifrån en problemformulering från arbetskonsulent/socialsekreterare genomförs en "
        "konsultation med syfte att ge stöd till arbetskonsulent/socialsekreterare i deras arbetet "
        "för att stötta deltagaren till att vara kvar i, återgå till eller skaffa ett arbete.\n\n"
        "Arbetsterapeut kommer att utveckla ytterligare former för att ge det konsultativa stödet "
        "till arbetskonsulenter /socialsekreterare. De nya arbetssättet kommer att bygga på "
        "önskemål från dessa parter och är under utredning."
    ),
    gender_equality=(
        "Eftersom samverkande parter är de som aktualiserar personerna så har inte arbetsterapeut "
        "någon möjlighet att begränsa deltagarantalet utifrån kön. Det är snarare remitterande "
        "parts bedömning av behov som styr vilka som aktualiseras.\n\n"
        "Arbetsmarknadstorget har som helhet idag en jämn fördelning mellan kvinnor och män. Vid "
        "genomgång av arbetsterapeutinsatser under 2022 har det påvisats att det är något fler "
        "kvinnor än män som tagit del av insats hos arbetsterapeut."
    ),
    evaluation=(
        "Uppföljningssystemet Finsam kommer att användas för att mäta insatserna på volymnivå. För "
        "att följa upp våra mål kommer vi att använda oss av indikatorerna framtagna av Nationella "
        "nätverket för samordningsförbund.\n\n"
        "För att utvärdera socialsekreterare/arbetskonsulenters upplevelse av arbetsterapeutens "
        "konsulterande roll samt om den bidragit till att möta upp behoven som finns, kommer en "
        "enkätundersökning att genomföras. Enkätundersökning kommer att genomföras och redovisas i "
        "samband med del och helårsrapport.\n\n"
        "Deltagare som deltar i gruppinterventioner kommer erbjudas att utvärdera interventionen "
        "vid avslut."
    ),
    expected_results_parties=(
        "De konsultativa insatserna till personal inom Arbetsmarkandstorget förväntas resultera i "
        "att samverkande part får ta del av arbetsterapeutisk kompetens och vägledning för att "
        "underlätta i deras fortsatta process mot arbete tillsammans med deltagaren."
    ),
    expected_results_individuals=(
        "De övergripande resultatet vi förväntar oss av gruppinterventionerna samt råd-och "
        "stödinsatser är att dessa ska skapa förutsättningar för deltagare till att uppleva ökad "
        "aktivitetsförmåga, delaktighet och självständighet samt öka möjligheter till att vara "
        "kvar i, återgå till eller skaffa ett arbete."
    ),
    starts_on=datetime.date(2023, 1, 1),
    ends_on=datetime.date(2023, 12, 31),
    direction="individual",
    esf=False,
    budget=(
        BudgetSeed(cost_type="salaries", year=2023, amount=577000),
        BudgetSeed(cost_type="premises", year=2023, amount=30000),
        BudgetSeed(
            cost_type="other", year=2023, amount=15000, specification="Anges inte i ansökan"
        ),
    ),
    submitted_on=datetime.date(2022, 11, 1),
    note=(
        "Insatsen förs in som förlängning: ansökan redovisar arbetsterapeutinsatser under 2022 och "
        "beskriver en ny roll och ett ändrat arbetssätt för arbetsterapeuten 2023. De fyra första "
        "målen har ingen egen indikator; punkterna under ”Indikatorer för att mäta målet för "
        "arbetsterapeuterna är följande:” förs in som egna mål med sina indikatorer. Övriga "
        "kostnader 15 000 kr saknar angiven typ (§ 135 beskriver kostnaderna som personal, lokal "
        "och data/IT). Arbetsförmedlingens kontaktperson skrivs här Peter Petersson "
        "(peter.k.petersson@arbetsformedlingen.se), i Bilaga 14 och 15 Pettersson; uppgifterna "
        "återges som de står. Båda kontaktpersonerna anger bara mobilnummer. Inlämningsdatum finns "
        "inte i underlaget; 2022-11-01 är antaget eftersom ansökan skickades ut med kallelsen."
    ),
)
