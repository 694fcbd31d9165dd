"""Bilaga 12 (§ 134): Försäkringsutredare från Försäkringskassan."""

import datetime

from samordna.demo.applications import ApplicationSeed, BudgetSeed, GoalSeed, PartySeed

APPLICATION = ApplicationSeed(
    attachment=12,
    paragraph=134,
    kind="new",
    name="Försäkringsutredare från Försäkringskassan",
    responsible=PartySeed(
        member="Försäkringskassan",
        organisation="Försäkringskassan",
        unit="FVV Nord",
        signatory="Lina Kempe",
        contact="Lina Kempe",
        phone="010- 111 86 40",
        email="lina.kempe@fk.se",
    ),
    organisation_number="202100-5521",
    signatory_title="",
    postal_address="Box 760",
    postal_code="851 22",
    city="Sundsvall",
    parties=(
        PartySeed(
            member="Sundsvalls kommun",
            organisation="Individ- och arbetsmarknadsförvaltningen",
            unit="",
            signatory="Denise Wallén",
            contact="Denise Wallén",
            phone="060- 19 22 79",
            email="denise.wallen@sundsvall.se",
        ),
    ),
    summary=(
        "Finansiering av en försäkringsutredare från Försäkringskassan på 25 % under 2023. Syftet "
        "med en försäkringsutredare på Arbetsmarknadstorget är att öka kunskapen hos övriga "
        "samverkanspartner om sjukförsäkringen och Försäkringskassans uppdrag. "
        "Försäkringsutredaren kommer delta i konsultationsträffar, beredningsgrupp och finns "
        "tillgänglig för dialog genom samlokalisering.\n\n"
        "Försäkringskassan har som riktvärde att aktualisera 35 personer till beredningsgruppen "
        "under 2023. Målet med samarbetet är att personer ska få en högre grad av "
        "arbetsförmåga/studieförmåga, personer från tillträde till arbetslivsinriktad "
        "rehabilitering.\n\n"
        "Förväntade resultatet är förbättrad samverkan, enklare kontaktvägar och att vi arbetar "
        "gemensamt med målgruppen."
    ),
    background=(
        "Arbetsmarknadstorget är en arena för samverkan mellan Regionen, Kommunen, "
        "Arbetsförmedlingen och Försäkringskassan i Sundsvalls kommun.\n\n"
        "Sedan Arbetsmarknadstorget startades har det funnits svårigheter för Försäkringskassan "
        "att delta i samverkan med de kommuninvånare som uppbär aktivitetsersättning eller "
        "sjukpenning. Dessa personer riskerar därför att hamna i utanförskap och i det längre "
        "perspektivet vara i behov av ekonomiskt bistånd.\n\n"
        "Försäkringskassan har ett samordningsuppdrag men har inte egna insatser att erbjuda "
        "individer som uppbär aktivitetsersättning eller sjukpenning. Det har inneburit att "
        "Försäkringskassan inte haft möjlighet att samverka effektivt på Arbetsmarknadstorget "
        "eftersom kommunens insatser inte varit tillgängliga för målgrupper som uppbär ersättning "
        "från sjukförsäkringen.\n\n"
        "För att de individer som uppbär aktivitetsersättning eller sjukpenning ska kunna ingå i "
        "samverkan med de aktörer som finns på Arbetsmarknadstorget behövs en resurs som kan "
        "arbeta med Försäkringskassans ärenden tillsammans med en arbetskonsulent från Kommunen. "
        "Övriga samverkansparter har även ett behov av samverkan med Försäkringskassan."
    ),
    purpose=(
        "Finansiering av en försäkringsutredare från Försäkringskassan på 25 % under 2023.\n\n"
        "Syftet med en försäkringsutredare på Arbetsmarknadstorget är att öka kunskapen hos övriga "
        "samverkansparter om sjukförsäkringen och Försäkringskassans uppdrag. Detta sker genom en "
        "samlökalisering där försäkringsutredaren finns på arbetsmarknadstorget och är tillgänglig "
        "som stöd och för att stärka samverkan med övriga myndigheter.\n\n"
        "Försäkringsutredaren kommer att delta i konsultations- och beredningsgrupper för att "
        "bidra med kunskap om sjukförsäkring och stödja samverkansparter i ärenden."
    ),
    target_group=(
        "Unga vuxna i åldrarna 19-29 år som är beviljad aktivitetsersättning vid nedsatt "
        "arbetsförmåga eller personer som har sjukpenning från Försäkringskassan och som behöver "
        "samordnade insatser för komma ut i arbete eller studier. Målgruppen har behov av nära "
        "stöd och uppföljning av arbetslivsinriktade rehabiliteringsinsatser med målet att nå "
        "självförsörjning genom arbete eller studier."
    ),
    goals=(
        GoalSeed(
            text=(
                "Ökad kunskap om sjukförsäkringen, erfarenhetsutbyte mellan samverkande parter och "
                "skapa förståelse för varandra uppdrag. Försäkringskassan bidrar till samverkan "
                "genom att delta i beredningsgrupp, konsultationsträffar och finnas tillgänglig "
                "för dialog."
            ),
            indicator="Anges inte i ansökan.",
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
            text=(
                "Deltagarna upplever att det finns en planering som tar vid när insatsen avslutas."
            ),
            indicator="Mäts med NNS indikatorenkät och sammanställs i förbundets årsredovisning.",
        ),
        GoalSeed(
            text=(
                "Personer som annars hade riskerat att hamna i långvarig sysslöshet hos berörda "
                "myndigheter kan istället få tillträde till arbetslivsinriktad rehabilitering."
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
        GoalSeed(
            text=(
                "I situationer där vi tror Arbetsmarknadstorget kan vara en del av planering för "
                "individen att närma sig arbete eller studier, kommer Försäkringskassan göra en "
                "förberedande kartläggning tillsammans med Arbetsförmedlingen innan aktualisering. "
                "Utifrån statistik från tidigare år har Försäkringskassan ett riktvärde under 2023 "
                "att aktualisera 35 individer."
            ),
            indicator="Anges inte i ansökan.",
        ),
    ),
    what_is_new=(
        "Försäkringsutredare kommer att vara stödfunktion till handläggare som arbetar med "
        "sjukskrivna personer (hel- eller deltid) som erhåller försörjningsstöd i Sundsvalls "
        "kommun."
    ),
    implementation=(
        "Försäkringskassans försäkringsutredare kommer samverka tillsammans med aktuella parter på "
        "Arbetsmarknadstorget.\n\n"
        "- Försäkringsutredare kommer att representera Försäkringskassan i olika samverkansgrupper "
        "som finns på Arbetsmarknadstorget, exempelvis beredningsgrupp och konsultationsstöd.\n"
        "- Finnas tillgänglig som stöd för samverkande parter på Arbetsmarknadstorget genom "
        "samlokalisering.\n"
        "- Aktualiserar ärenden till beredningsgruppen."
    ),
    gender_equality=(
        "Försäkringskassan arbetar för jämställdhet i alla delar av vårt arbete. Avviker "
        "könsfördelningen behöver vi följa det närmare, analysera orsaken och därefter utföra "
        "aktiviteter för att åtgärda detta."
    ),
    evaluation=(
        "För att följa upp hur arbetsmarknadstorget upplever stödet som Försäkringskassan erbjuder "
        "med samlokaliseringen, kommer man genomföra en gemensam enkät som Arbetsmarknadstorget "
        "skickar ut till samverkansparter.\n\n"
        "Deltagarna kommer registreras i SUS och enkät via NNS kommer genomföras under året.\n\n"
        "Vi vill följa hur behovet är av det stöd som Försäkringskassan erbjuder under året, det "
        "vill säga hur ofta man vänder sig till försäkringsutredaren för att få konsultativt stöd. "
        "Det konsultativa stödet kommer mätas med stöd av SUS både inom Försäkringskassan och på "
        "Arbetsmarknadstorget.\n\n"
        "Utvärdering av arbetet mellan arbetskonsulenten och försäkringsutredare sker genom en "
        "skriftlig utvärdering 2 gånger per år och deltagarna registreras i SUS för uppföljning."
    ),
    expected_results_parties=(
        "Det konsultativa stödet från Försäkringskassan ger ett mervärde som förväntas bestå av "
        "förbättrad samverkan, snabbare kontaktvägar och ett mer kvalificerat och systematiserat "
        "arbete kring målgruppen. Det ger även ett ökat lärande om varandras uppdrag och "
        "organisation."
    ),
    expected_results_individuals=(
        "Individen får stöd av de samverkande parterna med rätt insats vid rätt tidpunkt. Det "
        "bidrar till att individen kommer ut/förbättrar förutsättningarna för att komma ut i "
        "arbete/studier."
    ),
    starts_on=datetime.date(2023, 1, 1),
    ends_on=datetime.date(2023, 12, 31),
    direction="structural",
    esf=False,
    budget=(
        BudgetSeed(cost_type="salaries", year=2023, amount=161032),
        BudgetSeed(cost_type="other", year=2023, amount=2517, specification="Mobil och data"),
    ),
    submitted_on=datetime.date(2022, 11, 1),
    note=(
        "Ansökan säger inte att funktionen funnits tidigare och beskriver den i framtid, så den "
        "förs in som ny (Bilaga 10 nämner dock att försäkringsutredaren redan har sin arbetsplats "
        "på Arbetsmarknadstorget). Inriktningen är strukturell: försäkringsutredaren ska främst "
        "stödja de samverkande parterna med kunskap om sjukförsäkringen, genom samlokalisering, "
        "konsultation och beredningsgrupp. Formulärets hjälptexter (t.ex. ”Beskriv den problembild "
        "…”) är inte medtagna. Under rubriken Projektmål står först en indikator utan mål (”Mäts i "
        "SUS, prognostiseras i delårsrapport och sammanställs i förbundets årsredovisning.”); den "
        "är inte knuten till något mål. Det inledande stycket under 2.1, de två effektmålen och "
        "det avslutande stycket om riktvärdet 35 individer förs in som mål utan indikator. "
        "Telefonnumren återges som de står, med mellanslag efter riktnumret. Inlämningsdatum finns "
        "inte i underlaget; 2022-11-01 är antaget eftersom ansökan skickades ut med kallelsen."
        " E-postadressen skrivs denise.wallén@sundsvall.se i ansökan; kansliet förde in "
        "denise.wallen@sundsvall.se, eftersom en e-postadress inte kan ha é före @."
    ),
)
