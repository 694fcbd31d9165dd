"""Sammanträdesprotokoll, Samordningsförbundet Sundsvall, 2022-10-21 (§ 98–119)."""

import datetime

from samordna.demo.protocols import Attendee, Guest, Par, Protocol, TaskSeed

PROTOCOL = Protocol(
    association="sundsvall",
    date=datetime.date(2022, 10, 21),
    place="Sundsvalls kommun, rum 654 a, busbacken",
    attendees=(
        Attendee("Christina Nordenö", "present"),
        Attendee("Jonas Väst", "absent"),
        Attendee("Peter Pettersson", "present"),
        Attendee("Lina Kempe", "present"),
        Attendee("Sanna Jonsson", "present"),
        Attendee("Thomas Burman", "present", serves_for="Jonas Väst"),
        Attendee("Lotta Qvarnlöf", "present"),
        Attendee("Pia Persbo", "absent"),
    ),
    guests=(
        Guest("Eva Sonidsson", "Förtroendevald revisor, Region Västernorrland"),
        Guest("Jan Andersson", "Förbundschef/sekreterare"),
        Guest("Emil Ulander", "Utvecklingsledare"),
    ),
    chair="Christina Nordenö",
    adjusters=("Lina Kempe",),
    secretary="Jan Andersson",
    justified_on=datetime.date(2022, 11, 1),
    posted_on=datetime.date(2022, 11, 1),
    taken_down_as_written=datetime.date(2022, 11, 22),
    paragraphs=(
        Par(
            number=98,
            title="Sammanträdet öppnas",
            matter="Ordförande Christina Nordenö förklarar mötet öppnat och hälsar alla välkomna.",
        ),
        Par(
            number=99,
            title="Fastställande av dagordning",
            matter="Peter Pettersson har två punkter under övriga frågor",
            decision=("Att med ovannämnda tillägg fastställa upprättat förslag till dagordning.",),
        ),
        Par(
            number=100,
            title="Val av justerare",
            decision=("Att utse Lina Kempe att jämte ordförande justera dagens protokoll.",),
        ),
        Par(
            number=101,
            title="Föregående protokoll 220916",
            matter="(Bilaga 1)",
            decision=("Att protokollet från styrelsemötet 220916 läggs till handlingarna",),
            attachments=(1,),
        ),
        Par(
            number=102,
            title=(
                "Försäkringskassans beslut om förbundets årsredovisning samt ansvarsfrihet för "
                "styrelsen 2021."
            ),
            matter=(
                "(Bilaga 2)\n\n"
                "Försäkringskassan har beslutat att godkänna Samordningsförbundets årsredovisning "
                "för 2021 samt att bevilja styrelsen ansvarsfrihet för verksamhetsåret"
            ),
            decision=("Att lägga informationen till handlingarna",),
            attachments=(2,),
        ),
        Par(
            number=103,
            title="Budgetuppföljning 2022-09-30",
            matter=(
                "(Bilaga 3)\n\n"
                "Verkställande tjänsteman går igenom budgeten fram till den 30 september-22. "
                "Prognosen den 30 september är att Samordningsförbundet Sundsvall kommer att göra "
                "ett minusresultat på 466 000 kr för verksamhetsåret 2022. Styrelsen hade "
                "budgeterat ett minusresultat på 656 000 kr för verksamhetsåret 2022. Det har "
                "varit styrelsen ambition att minska det egna kapitalet under 2022. Dom "
                "administrativa kostnaderna och arvodena för styrelsen ser ut att landa på de "
                "budgeterade kostnaderna. Det är en av insatserna som inte kommer att göra av med "
                "budgeterade kostnader vilket gör att resultatet blir mindre än budgeterat. Skulle "
                "resultatet på helåret bli som prognosen per den 30 september skulle det egna "
                "kapitalet vid årsskiftet vara 755 000 kr. Detta gör att förbundet kommer att ha "
                "ett eget kapital vid årets slut som ligger under Nationella rådets "
                "rekommendationer om storlek på eget kapital."
            ),
            decision=(
                "Att lägga budgetuppföljningen per den 30 september 2022 till handlingarna.",
            ),
            attachments=(3,),
        ),
        Par(
            number=104,
            title="Genomgång av plan för intern styrning och kontroll 2022",
            matter=(
                "(Bilaga 4)\n\n"
                "Ordförande, vice ordförande, och förbundschef hade den 10 oktober en granskning "
                "av planen för intern styrning och kontroll för förbundet på förbundets kansli. "
                "Ordförande och vice ordförande genomförde stickprovs kontroll av de processer som "
                "finns angivna planen för intern styrning och kontroll. Granskningen visar inte på "
                "några avvikelser som behöver åtgärdas i nuläget."
            ),
            decision=(
                (
                    "Att lägga granskningen av planen för intern styrning och kontroll till "
                    "handlingarna"
                ),
            ),
            attachments=(4,),
        ),
        Par(
            number=105,
            title="Genomgång av risk och väsentlighetsanalys för 2022",
            matter=(
                "(Bilaga 5)\n\n"
                "Styrelsen går igenom de områden som finns omnämnda i risk och "
                "väsentlighetsanalysen."
            ),
            decision=("Att den inte behöver förändras.",),
            attachments=(5,),
        ),
        Par(
            number=106,
            title="Uppföljning av beviljade insatser i september 2022, muntlig dragning.",
            matter=(
                "Utvecklingsledaren och verkställande tjänsteman har träffar med de insatser "
                "förbundet finansierar vid minst 2 gånger per termin för att kunna följa "
                "utvecklingen i insatserna och för att vara ett stöd för dessa. Lämnar information "
                "från var och en av insatserna och generellt levererar insatserna väl mot de "
                "uppsatta målen i respektive ansökan. På senaste uppföljningen med rehabvägledarna "
                "framkom att en av dem nu har klart med nytt uppdrag inom kommunen, vilket kommer "
                "att påverka utfallet i insatsen, både gällande ekonomi samt i arbetet med "
                "deltagarna."
            ),
            decision=("Att lägga uppföljning av insatserna i september 2022 till handlingarna.",),
        ),
        Par(
            number=107,
            title="Stärkt kompetensförsörjning inom Vård- och omsorg i glesbygd",
            matter=(
                "(Bilaga 6)\n\n"
                "Behovet av hållbar kompetensförsörjning inom vård och omsorg är av stor vikt för "
                "välfärden i Sverige idag och framöver. Behovet av utbildade medarbetare växer "
                "liksom möjligheten till kompetensutveckling för redan anställda så att de har "
                "möjlighet att växa och utvecklas i sina yrkesroller. För personer som inte är "
                "anställda och vissa målgrupper är tillgängligheten på kompetensutveckling inom "
                "vård och omsorg begränsad i dagsläget. De alternativ som finns är ej "
                "kvalitetssäkrad och leder ganska sällan till anställningar inom branschen.\n\n"
                "I denna förstudie ser vi folkbildning som en part för att omfatta nya målgrupper "
                "för kompetensförsörjning inom branschen.\n\n"
                "Eftersom detta förstudium ska genomföras inom VO -college så kommer arbetsgivarna "
                "att vara en aktiv part i arbetet. Målet ska alltid vara ett helt yrkespaket som "
                "ger skyddad yrkestitel som undersköterska, vilket borgar för anställningsbarhet "
                "för individen och en eftertraktad kompetens i vård- och omsorg.\n\n"
                "I glesbygd, precis som i städer finns personer som har svårt för att komma in på "
                "arbetsmarknaden. Vi skulle vilja undersöka i ett förstudium hur många, vilka "
                "dessa individer är, vilka introduktionsinsatser finns i Västernorrland. Detta för "
                "att möjliggöra för målgruppen att i ett eventuellt genomförandeprojekt ge en god "
                "vägledning/introduktion i vård och förbättrade möjligheter till studier. "
                "Förstudien kommer att genomföras under 2023. Vård och omsorgscollege / "
                "Kommunförbundet ansöker om vardera 32 500 kr från samtliga Samordningsförbundet i "
                "länet"
            ),
            decision=(
                (
                    "Att avsätta 32 500 kr till förstudien under förutsättning att övriga förbund "
                    "i länet också avsätter medel till förstudien."
                ),
            ),
            attachments=(6,),
        ),
        Par(
            number=108,
            title="Helårsekvivalenter 2014-202206",
            matter=(
                "(Bilaga 1)\n\n"
                "Förbundschefen ger en muntlig dragning över hur helårsekvivalenter utvecklats "
                "under första halvåret 2022 i Sundsvalls kommun På totalen har ekvivalenterna "
                "minskat till 13,3 % vid halvårsskiftet 2022 från 14,0 % den 31 december 2021. "
                "Sundsvalls kommun ligger cirka 1 % över riksnittet Det var 7 277 helårspersoner "
                "som uppbar ersättning från de olika ersättningssystem sista juni. Det är 400 "
                "färre än vid årsskiftet."
            ),
            decision=("Att lägga informationen till handlingarna.",),
            attachments=(1,),
        ),
        Par(
            number=109,
            title="Medelstildelning inför verksamhetsåret 2023",
            matter=(
                "(Bilaga 7 och 8)\n\n"
                "Försäkringskassan har fått in uppgifter från Samordningsförbunden om belopp som "
                "kommuner och regioner kan och vill matcha den statliga medelstildelningen med för "
                "2023. Arbetet med medelstildelningen för 2023 är därmed inne i ett slutskede. "
                "Försäkringskassans avsikt är att kunna meddela slutligt beslut till förbunden om "
                "den statliga medelstildelningen under hösten senast vecka 47. I denna preliminära "
                "fördelning vi fick i början av oktober är tilldelningen till Samordningsförbundet "
                "Sundsvall 3 689 000 kr från staten. Det är samma tilldelning förbundet haft de "
                "sista åren."
            ),
            decision=("Att lägga informationen till handlingarna",),
            attachments=(
                7,
                8,
            ),
        ),
        Par(
            number=110,
            title="Prioriteringar av insatser inför 2023.",
            matter=(
                "En enig styrelse är överens om att de inriktningsmål som tog fram i "
                "Verksamhetsplanen för 2022 till 2024 skall kvarstå.\n\n"
                "Fortsätta stödja och utveckla Arbetsmarknadstorget i Sundsvall och när nya idéer "
                "om insatser/projekt tas fram i samverkan är det styrelsens önskan att det skall "
                "undersökas huruvida de kan vara en del av AMT eller inte.\n\n"
                "Fortsätta utveckla och förbättra den samverkansstruktur som finns kring "
                "Samordningsförbundet i Sundsvall.\n\n"
                "Inför 2023 kommer förbundet att fortsätta sin finansiering av följande tjänster "
                "kopplade till arbetsmarknadstorget. Sip-samordnare, två arbetskonsulenttjänster, "
                "två arbetsförmedlare, psykolog, arbetsterapeut och försäkringskassehandläggare "
                "under förutsättning att huvudmännen inkommer med ansökan."
            ),
            decision=(
                (
                    "Att fortsätta dessa diskussioner på eftermiddagens möte kring inriktning på "
                    "verksamhetsplan 2023."
                ),
            ),
        ),
        Par(
            number=111,
            title="Arbeta med budget och verksamhetsplan 2023.",
            matter=(
                "Denna punkt stryks från agendan då styrelsen har ett separat möte kring "
                "verksamhetsplan 2023 kl.13.00 senare idag"
            ),
        ),
        Par(
            number=112,
            title="Information från NNS medlemsmöte den 7 oktober",
            matter=(
                "Ordförande redogjorde för NNS medlemsmöte den 7 oktober. Inriktningsbeslut på NNS "
                "extra medlemsmöte ställer sig bakom beslutet om oförändrad medlems och "
                "serviceavgift inför 2023. Mycket av arbetet under året har varit att få ordning "
                "på arbetsordningar. Det ordinarie medlemsmötet kommer att vara i anslutning till "
                'en konferens om "våld i nära" den 7 december.'
            ),
            decision=("Att lägga informationen till handlingarna",),
        ),
        Par(
            number=113,
            title="Information från förbundscheferdagarna 19 och 20 oktober.",
            matter=(
                "Förbundschefen deltog på förbundscheferdagarna. Statisticon och spira utvärdering "
                "har under hösten påbörjat ett arbete med att uppskatta storleken på och "
                "målgruppen för Samordningsförbunden. Det kommer en slutrapport innan årsskiftet. "
                "Vidare diskuterades kring förbundschefernas arbetsmiljö. Det man kan konstatera "
                "är att det ser väldigt olika ut runt om i landet. Det gäller både var man har sin "
                "anställning, i förbundet eller inhyrd av någon av huvudmännen. Det var även ett "
                "pass kring arkivering och diarieföring.\n\n"
                "Uppföljning Finsam kommer att lanseras under våren 2023. Eftersom ett nytt "
                "lagstöd dröjer kommer det nya uppföljningssystemet anpassas till den lagstiftning "
                "som finns idag och vi kommer därför driftsätta de delar av det nya "
                "uppföljningssystemet som inte innehåller personuppgifter.\n\n"
                "Totalt sett var det två mycket givande dagar."
            ),
            decision=("Att lägga informationen till handlingarna.",),
        ),
        Par(
            number=114,
            title="Sammanträdesplan för 2023",
            matter=(
                "(Bilaga 9)\n\n"
                "Verkställande tjänsteman visar ett förslag på sammanträdesplan inför 2023.\n\n"
                "2023 års sammanträden förläggs till följande dagar kl. 09.00 -12.00\n\n"
                "27 januari Styrelsemöte\n21 februari Styrelsemöte, heldag gemensamt möte med "
                "strategigruppen\n17 mars Styrelsemöte, beslut om årsredovisningen, bjuda in ev. "
                "nya ledamöter\n3 april Konstituerande styrelsemöte\n28 april Styrelsemöte\n26 maj "
                "Styrelsemöte\n29 augusti Styrelsemöte, heldag , planering, verksamhetsplan och "
                "budget, gemensamt med strategigruppen\n29 september Styrelsemöte\n27 oktober "
                "Styrelsemöte\n24 november Styrelsemöte, beslut om budget och verksamhetsplan "
                "2023-2025"
            ),
            decision=("Att fastställa mötesplaneringen inför 2023 enligt upprättat förslag",),
            attachments=(9,),
        ),
        Par(
            number=115,
            title="Kansliet informerar",
            matter=(
                "Norrlandskonferensen 27-28/10\n\n"
                "(Bilaga 10)\n\n"
                "Programmet för Norrlandskonferensen är nu klart. Se bilaga för komplett program. "
                "Det är 47 stycken anmälda till konferensen. Konferensen kommer att vara på "
                "Quality hotell i Sundsvall Samordningsförbundet Ånge är huvudarrangör av "
                "Norrlandskonferensen med Samordningsförbundet Sundsvall som medarrangör. Från "
                "Samordningsförbundet kommer Christina Nordenö, Jonas Väst, Emil Ulander, och Jan "
                "Andersson delta bägge dagarna. Lina Kempe och Thomas Burman kommer delta den "
                "28/10.\n\n"
                "BIP i Sundsvall\n\n"
                "Arbetet med att implementera BIP på Arbetsmarknadstorget fortsätter enligt plan. "
                "Den 30/9 hölls en planeringsdag med personal där de fick påfylld kunskap om "
                "arbetssättet, samt ta del av den nya handlingsplanen samt det system som ska "
                "användas för att följa deltagarnas progression, både på individ- och "
                "gruppnivå.\n\n"
                "Indikatorsarbetet\n\n"
                "Fram till och med sista oktober fortsätter arbetet med att samla in enkäter från "
                "deltagare i de individinriktade insatser som förbundet finansierar. All personal "
                "i vår samverkansstruktur erbjuds också att fylla i en enkät. Förhoppningsvis får "
                "vi en hög svarsfrekvens vilket skulle ge oss ett bra underlag för att kunna "
                "besvara våra verksamhetsmål som är kopplade till indikatorsenkäterna. I slutet av "
                "året kommer resultatet av enkätsvaren att analyseras tillsammans med samverkande "
                "parter, för vidareutveckling av verksamheten inom förbundet.\n\n"
                "Inspirationsdag den 2 december\n\n"
                "Inspirationsdagen som är planerad till den 2 december kommer att flyttas fram "
                "till vintern 2023. Temat för inspirationsdagen kommer att vara elever inom Sfi "
                "som har dålig eller långsam progression inom sin språkutveckling.\n\n"
                "Finsam\n\n"
                "Förbundschefen informerar om att det finns mycket intressant läsning på Finsams "
                "hemsida. www.finsam.se"
            ),
            attachments=(10,),
        ),
        Par(
            number=116,
            title="Inbjudningar",
            matter=(
                "Medlemsmöte NNS 7 december.\n\n"
                "Det ordinarie medlemsmöte inom NNS kommer att vara den 7 december i Stockholm. "
                "Ingen styrelsemedlem har möjlighet att närvara på detta möte. Styrelsen vill att "
                "förbundschefen närvarar på detta möte."
            ),
            decision=(
                (
                    "Att utse förbundschef, Jan Andersson, som ombud för Samordningsförbundet "
                    "Sundsvall på NNS medlemsmöte."
                ),
            ),
            tasks=(
                TaskSeed(
                    (
                        "Närvara som ombud för Samordningsförbundet Sundsvall på NNS ordinarie "
                        "medlemsmöte den 7 december i Stockholm."
                    ),
                    "Förbundschefen",
                ),
            ),
        ),
        Par(
            number=117,
            title="Utbildningar",
            matter="Inga relevanta utbildningar",
        ),
        Par(
            number=118,
            title="Övriga frågor",
            matter=(
                "Peter Pettersson har en fundering kring att ta hjälp av NNS eller Nationella "
                "rådet för att diskutera möjligheten för Arbetsförmedlingen att själva kunna "
                "arbeta med samverkan som man idag gör på Arbetsmarknadstorget i Sundsvall. Detta "
                "utan att Arbetsförmedlingen erhåller externa medel från Samordningsförbunden för "
                "dessa tjänster utan det ska vara en del av Arbetsförmedlingens ordinarie "
                "verksamhet.\n\n"
                "Peter tog även upp att arbetsförmedlingen i nord skall ha en genomgång av "
                "verksamhetsplanerna för Samordningsförbunden innan de fastställs av respektive "
                "styrelse i förbunden."
            ),
        ),
        Par(
            number=119,
            title="Sammanträdet avslutas",
            matter="Ordförande förklarar sammanträdet avslutat.",
        ),
    ),
    source="Protokoll 2022-10-21, 003_50e3612007ff11b8.txt",
)
