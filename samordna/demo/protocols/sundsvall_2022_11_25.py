"""Samordningsförbundet i Sundsvall, styrelsemöte 2022-11-25 (§ 120-146), as written."""

import datetime

from samordna.demo.protocols import AttachmentSeed, Attendee, Guest, Par, Protocol, TaskSeed

PROTOCOL = Protocol(
    association="sundsvall",
    date=datetime.date(2022, 11, 25),
    place="Arbetsmarknadstorget i Sundsvall, röda konferensen, våning 5",
    attendees=(
        Attendee("Christina Nordenö", "present"),
        Attendee("Jonas Väst", "present"),
        Attendee("Peter Pettersson", "present"),
        Attendee("Lina Kempe", "present"),
        Attendee("Sanna Jonsson", "absent"),
        Attendee("Thomas Burman", "present"),
        Attendee("Lotta Qvarnlöf", "present"),
        Attendee("Pia Persbo", "absent"),
    ),
    guests=(
        Guest("Jan Andersson", "Förbundschef/sekreterare"),
        Guest("Emil Ulander", "Utvecklingsledare"),
        Guest("Veronika Bäckman", "Arbetsförmedlingen", from_number=120, until_number=124),
        Guest("Robert Fränberg", "Arbetsförmedlingen", from_number=120, until_number=124),
    ),
    chair="Christina Nordenö",
    adjusters=("Peter Pettersson",),
    secretary="Jan Andersson",
    justified_on=datetime.date(2022, 12, 5),
    posted_on=datetime.date(2022, 12, 5),
    taken_down_as_written=datetime.date(2022, 12, 26),
    paragraphs=(
        Par(
            number=120,
            title="Sammanträdet öppnas",
            matter="Ordförande Christina Nordenö förklarar mötet öppnat och hälsar alla välkomna.",
        ),
        Par(
            number=121,
            title="Fastställande av dagordning",
            matter="Peter Pettersson har en övrig fråga och förbundschefen lyfter två frågor.",
            decision=("Att med ovannämnda tillägg fastställa upprättat förslag till dagordning.",),
        ),
        Par(
            number=122,
            title="Val av justerare",
            decision=("Att utse Peter Pettersson att jämte ordförande justera dagens protokoll.",),
        ),
        Par(
            number=123,
            title="Föregående protokoll 221021",
            matter="(Bilaga 1)",
            decision=("Att protokollet från styrelsemötet 221021 läggs till handlingarna",),
            attachments=(1,),
        ),
        Par(
            number=124,
            title=(
                "Information av Veronika Bäckman och Robert Fränberg från Arbetsförmedlingen om "
                "sitt arbete på Arbetsmarknadstorget i Sundsvall"
            ),
            matter=(
                "Arbetsförmedlingen har deltagit i samordnade insatser på AMT sedan starten 2016. "
                "Insatsen främjar samverkan kring personer med funktionsnedsättningar som uppbär "
                "försörjningsstöd, eller där Arbetsförmedlingen ser ett stort samverkansbehov med "
                "andra myndigheter så som Sundsvalls kommun eller Region Västernorrland. "
                "Arbetsförmedlingen har ett grunduppdrag när det gäller funktionshinderpolitiken "
                "att utreda samt stötta personer med funktionsnedsättningar för att klargöra "
                "arbetsförmågan och kommer närmare arbetsmarknaden. I detta uppdrag ingår "
                "arbetsträning, samordning av utredande insatser kring personers behov men också "
                "att arbeta mot subventionerade anställningar i form av lönebidrag.\n\n"
                "Under första halvåret 2022 har Veronika och Robban gjort 59 anställningar. De har "
                "i dagsläget cirka 130 st. ärenden vardera som de är inkopplade på.\n\n"
                "Något som uppmärksammats från Arbetsförmedlingens sida är att det finns en "
                "skillnad på stöd från arbetskonsulents håll när det kommer till anställningar.\n\n"
                "Personer som erhåller en kommunal anställning som finansieras av IAF (Kom-i-jobb) "
                "har alltid stöd under hela anställningstiden, som längst 12 månader. Men sker "
                "anställningen hos en privat arbetsgivare varierar stödtiden efter behov men som "
                "längst är det då stöd från arbetskonsulent i 6 månader.\n\n"
                "Den stora fördelen med AMT att flera myndigheter på ett enkelt sätt och också "
                "geografiskt samma plats kan samverka kring individen och dennes ärende. Deras "
                "huvudmål med samverkan är att korta ledtiderna och förenkla processen för "
                "individerna. Dom ser också att deras dialog med vården, rehab koordinators, "
                "läkare och andra professioner har blivit allt viktigare för att driva planeringen "
                "framåt."
            ),
            decision=(
                (
                    "Att tacka Veronika och Robert för en givande information kring sitt arbete på "
                    "Arbetsmarknadstorget."
                ),
            ),
        ),
        Par(
            number=125,
            title="Beslut om plan för intern styrning och kontroll 2023",
            matter=(
                "(Bilaga 2)\n\n"
                "Styrelsen går igenom plan för intern styrning och kontroll för verksamhetsåret "
                "2023."
            ),
            decision=(
                (
                    "Att godkänna upprättat förslag på plan för intern styrning och kontroll för "
                    "verksamhetsåret 2023."
                ),
            ),
            attachments=(2,),
        ),
        Par(
            number=126,
            title="Beslut om risk och väsentlighetsanalys för 2023",
            matter=(
                "(Bilaga 3)\n\n"
                "Styrelsen går igenom de områden som finns omnämnda i risk och "
                "väsentlighetsanalysen. Styrelsen anser att den inte behöver förändras."
            ),
            decision=(
                (
                    "Att godkänna upprättat förslag på risk och väsentlighetsanalysen för "
                    "Samordningsförbundet Sundsvall för verksamhetsåret 2023."
                ),
            ),
            attachments=(3,),
        ),
        Par(
            number=127,
            title="Beslut om arvoden för styrelsemedlemmar i Samordningsförbundet Sundsvall 2023",
            matter=(
                "(Bilaga 4)\n\n"
                "Samordningsförbundet Sundsvall har de senaste åren följt Sundsvall kommun "
                "sammanträdesersättningarna. Sammanträdes- och förrättningsarvoden utgör följande "
                "procentandel av grundbeloppet. Tid upp t o m 4 timmar är 1 % av grundbeloppet och "
                "tid över 4 timmar är 2 % av grundbeloppet. Grundbeloppet uppräknas den 1 april "
                "årligen. Samordningsförbundet Sundsvall följer även Sundsvalls kommuns reglemente "
                "gällande förlorad arbetsförtjänst och reseersättningar."
            ),
            decision=(
                "Att fortsätta följa Sundsvalls kommuns sammanträdesersättningar under 2023",
            ),
            attachments=(4,),
        ),
        Par(
            number=128,
            title="Beslut om delegationsordning för Samordningsförbundet Sundsvall för 2023",
            matter="(Bilaga 5)",
            decision=("Att anta förslaget till delegationsordning",),
            attachments=(5,),
        ),
        Par(
            number=129,
            title=(
                "Attest- och utanordningsinstruktion Samordningsförbundet Sundsvall och "
                "signaturlista för 2023"
            ),
            matter=(
                "(Bilaga 6 och 7)\n\n"
                "Förbundschefen visar en uppdaterad attest- och utanordningsinstruktion samt en "
                "signaturlista för Samordningsförbundet Sundsvall."
            ),
            decision=(
                (
                    "Att i enligt förslaget anta den uppdaterade attest- och "
                    "utanordningsinstruktion samt signaturlista för Samordningsförbundet Sundsvall "
                    "2023"
                ),
            ),
            attachments=(6, 7),
        ),
        Par(
            number=130,
            title="Uppföljning av beviljade insatser i november 2022, muntlig dragning",
            matter=(
                "Utvecklingsledaren och förbundschef har träffat med de insatser förbundet "
                "finansierar under november månad. Vi har gått igenom de första resultaten från "
                "Indikatorsenkäterna. Överlag är deltagarna väldigt nöjda med de stöd de fått i "
                "sin respektive insats. Vi lämnar information från var och en av insatserna och "
                "generellt levererar insatserna väl mot de uppsatta målen i respektive ansökan."
            ),
            decision=("Att lägga uppföljning av insatserna i november 2022 till handlingarna.",),
        ),
        Par(
            number=131,
            title="Beslut från staten om medelsfördelningen till Samordningsförbunden för 2023",
            matter=(
                "(Bilaga 8 och 9)\n\n"
                "Beslut om den statliga medelstilledningen för 2023, som kom den 18 november från "
                "Försäkringskassan, var det en tilldelning på 3 680 000 kr till "
                "Samordningsförbundet Sundsvall detta är en minskning med 9 000 kr jämfört med "
                "2020, 2021 och 2022. Totalt blir det en minskning med 18 000 kr för "
                "verksamhetsåret 2023."
            ),
            decision=("Att lägga beslutet från försäkringskassan till handlingarna",),
            attachments=(8, 9),
        ),
        Par(
            number=132,
            title=(
                "Ansökan om medel för Arbetskonsulent för personer med aktivitetsersättning på "
                "Arbetsmarknadsstorget inför 2023 och 2024 från Individ och "
                "arbetsmarknadsförvaltning, Sundsvalls kommun"
            ),
            matter=(
                "(Bilaga 10)\n\n"
                "Denna ansökan avser en finansiering av en arbetskonsulent för personer med "
                "aktivitetsersättning från Individ och arbetsmarknadsförvaltning, Sundsvalls "
                "kommun under 2023 och 2024 Ansökan avser finansiering av personalkostnader, "
                "lokalkostnad samt data/IT för en arbetskonsulent för personer med "
                "aktivitetsersättning. Detta till en kostnad av 709 000 kr för 2023 och 722 000 "
                "för 2024. Jonas Väst deltog inte i beslutet. Thomas Burman deltog inte i "
                "diskussionen.\n\n"
                "För komplett ansökan läs bilagan."
            ),
            decision=(
                (
                    "Att bevilja medel med 709 000 kr till arbetskonsulent för personer med "
                    "aktivitetsersättning för 2023 och 722 000 kr för 2024 under förutsättning att "
                    "förbundet får bidrag från huvudmännen för 2024."
                ),
                (
                    "Att betala ut hälften av de beviljade medlen för 2023 i samband med att avtal "
                    "tecknats och resterande del efter att redovisning inkommit för 2023 och "
                    "godkänts av styrelsen."
                ),
                "Att liknande rutin för utbetalning av medel gäller för 2024 som för 2023.",
            ),
            recusals=(("Jonas Väst", "decision"), ("Thomas Burman", "discussion")),
            attachments=(10,),
        ),
        Par(
            number=133,
            title=(
                "Ansökan om medel för Arbetskonsulent på uppdrag av FK, RVN och AF på "
                "Arbetsmarknadstorget inför 2023 och 2024 från Individ och "
                "arbetsmarknadsförvaltning, Sundsvalls kommun"
            ),
            matter=(
                "(Bilaga 11)\n\n"
                "Denna ansökan avser en finansiering av en arbetskonsulent på uppdrag av FK, RVN "
                "och AF på Arbetsmarknadstorget från Individ och arbetsmarknadsförvaltning, "
                "Sundsvalls kommun under 2023 och 2024. Ansökan avser finansiering av "
                "personalkostnader, lokalkostnad samt data/IT för en arbetskonsulent på uppdrag av "
                "FK, RVN och AF. Detta till en kostnad av 613 000 kr för 2023 och 625 000 för "
                "2024. Jonas Väst deltog inte i beslutet.\n\n"
                "Thomas Burman deltog inte i diskussionen.\n\n"
                "För komplett ansökan läs bilagan."
            ),
            decision=(
                (
                    "Att bevilja medel med 613 000 kr till en arbetskonsulent på uppdrag av FK, "
                    "RVN och AF för 2023 och 625 000 kr för 2024 under förutsättning att förbundet "
                    "får bidrag från huvudmännen för 2024."
                ),
                (
                    "Att betala ut hälften av de beviljade medlen för 2023 i samband med att avtal "
                    "tecknats och resterande del efter att redovisning inkommit för 2023 och "
                    "godkänts av styrelsen."
                ),
                "Att liknande rutin för utbetalning av medel gäller för 2024 som för 2023.",
            ),
            recusals=(("Jonas Väst", "decision"), ("Thomas Burman", "discussion")),
            attachments=(11,),
        ),
        Par(
            number=134,
            title=(
                "Ansökan medel för Försäkringsutredare från Försäkringskassan till "
                "Arbetsmarknadstorget inför 2023 från Försäkringskassan"
            ),
            matter=(
                "(Bilaga 12)\n\n"
                "Denna ansökan avser en finansiering av en Försäkringsutredare från "
                "Försäkringskassan på Arbetsmarknadstorget. Ansökan avser finansiering av "
                "personalkostnader för en Försäkringsutredare samt verksamhetskostnader. Detta "
                "till en kostnad av 163 549 kr för 2023. Lina Kempe deltog inte i beslutet. Lotta "
                "Qvarnlöf deltog inte i diskussionen. För komplett ansökan läs bilagan."
            ),
            decision=(
                "Att bevilja medel med 163 549 kr till Försäkringsutredare för 2023",
                (
                    "Att betala ut hälften av de beviljade medlen för 2023 i samband med att avtal "
                    "tecknats och resterande del efter att redovisning inkommit för 2023 och "
                    "godkänts av styrelsen."
                ),
                (
                    "Att avsätta 30 000 kr för lokalkostnader till Individ och "
                    "arbetsmarknadsförvaltning, Sundsvalls kommun som är lokalhållare för "
                    "arbetsmarknadstorget"
                ),
            ),
            recusals=(("Lina Kempe", "decision"), ("Lotta Qvarnlöf", "discussion")),
            attachments=(12,),
        ),
        Par(
            number=135,
            title=(
                "Ansökan medel för Arbetsterapeut på Arbetsmarknadstorget inför 2023 från Individ "
                "och arbetsmarknadsförvaltning, Sundsvalls kommun"
            ),
            matter=(
                "(Bilaga 13)\n\n"
                "Denna ansökan avser en finansiering av en arbetsterapeuttjänst från Individ och "
                "arbetsmarknadsförvaltning, Sundsvalls kommun under 2023. Ansökan avser "
                "finansiering av personalkostnader, lokalkostnad samt data/IT för en "
                "arbetsterapeuttjänst. Detta till en kostnad av 622 000 kr. Jonas Väst deltog inte "
                "i beslutet. Thomas Burman deltog inte i diskussionen. För komplett ansökan läs "
                "bilagan."
            ),
            decision=(
                "Att bevilja medel med 622 000 kr till arbetsterapeuttjänst för 2023",
                (
                    "Att betala ut hälften av de beviljade medlen för 2023 i samband med att avtal "
                    "tecknats och resterande del efter att redovisning inkommit för 2023 och "
                    "godkänts av styrelsen."
                ),
            ),
            recusals=(("Jonas Väst", "decision"), ("Thomas Burman", "discussion")),
            attachments=(13,),
        ),
        Par(
            number=136,
            title=(
                "Ansökan om medel för 2 stycken Arbetsförmedlare till Arbetsmarknadstorget inför "
                "2023 från Arbetsförmedlingen"
            ),
            matter=(
                "(Bilaga 14)\n\n"
                "Denna ansökan avser en finansiering av två arbetsförmedlare (vuxen) till "
                "Arbetsmarknadstorget under 2023 från Arbetsförmedlingen. Ansökan avser "
                "finansiering av personalkostnader för två arbetsförmedlare (vuxen) samt "
                "lokalkostnader på 60 000 kr. Detta till en kostnad av 1 000 000 kr. För komplett "
                "ansökan läs bilagan."
            ),
            decision=(
                "Att bevilja medel med 940 000 kr till två arbetsförmedlare (vuxen) för 2023",
                (
                    "Att betala ut hälften av de beviljade medlen för 2023 i samband med att avtal "
                    "tecknats och resterande del efter att redovisning inkommit för 2023 och "
                    "godkänts av styrelsen."
                ),
                (
                    "Att avsätta 60 000 kr för lokalkostnader till Individ och "
                    "arbetsmarknadsförvaltning, Sundsvalls kommun som är lokalhållare för "
                    "arbetsmarknadstorget"
                ),
            ),
            attachments=(14,),
        ),
        Par(
            number=137,
            title=(
                "Ansökan medel för Psykolog på Arbetsmarknadstorget inför 2023 från Individ och "
                "arbetsmarknadsförvaltning, Sundsvalls kommun"
            ),
            matter=(
                "(Bilaga 15)\n\n"
                "Denna ansökan avser en finansiering av en psykologtjänst från Individ och "
                "arbetsmarknadsförvaltning, Sundsvalls kommun under 2023. Ansökan avser "
                "finansiering av personalkostnader, lokalkostnad samt data/IT för en "
                "psykologtjänst. Detta till en kostnad av 912 000 kr. Jonas Väst deltog inte i "
                "beslutet. Thomas Burman deltog inte i diskussionen. För komplett ansökan läs "
                "bilagan."
            ),
            decision=(
                "Att bevilja medel med 912 000 kr till psykologtjänst för 2022",
                (
                    "Att betala ut hälften av de beviljade medlen för 2023 i samband med att avtal "
                    "tecknats och resterande del efter att redovisning inkommit för 2023 och "
                    "godkänts av styrelsen."
                ),
            ),
            recusals=(("Jonas Väst", "decision"), ("Thomas Burman", "discussion")),
            attachments=(15,),
        ),
        Par(
            number=138,
            title=(
                "Fastställande av 2023 års budget och verksamhetsplan med plan för 2024 och 2025 "
                "för Samordningsförbundet Sundsvall"
            ),
            matter=(
                "(Bilaga 17)\n\n"
                "Förbundschef redovisar innehållet i det upprättade förslaget till budget och "
                "verksamhetsplan för 2023 med plan för 2024 och 2025."
            ),
            decision=(
                (
                    "Att fastställa 2023 års budget och verksamhetsplan med plan för 2024 och 2025 "
                    "enligt upprättat förslag"
                ),
            ),
            attachments=(16,),
        ),
        Par(
            number=139,
            title="Information från Arbetsmarknads och näringslivsdagarna 25 och 26 oktober",
            matter=(
                "Från Samordningsförbundet Sundsvall deltog Christina Nordenö, Emil Ulander och "
                "Jan Andersson.\n\n"
                "Arbetsmarknadsförvaltning Helsingborg berättade om hur de arbetar på med "
                "språkundervisningen inom SFI annorlunda med samverkan som framgångsfaktor.\n\n"
                "Från Arbetsförmedlingen gick Magnus Rödin igenom resultatet från rusta och "
                "matcha.\n\n"
                "Generaldirektören från Arbetsförmedlingen, Maria Mindhammar, avslutade "
                "konferensen med att berätta om Arbetsförmedlingen arbete framåt med samverkan med "
                "kommuner och övriga aktörer."
            ),
            decision=("Att lägga information till handlingarna",),
        ),
        Par(
            number=140,
            title="Information från Norrlandskonferensen 27-28/10",
            matter=(
                "Årets Norrlandskonferens för Samordningsförbunden var ett gemensamt arrangemang "
                "mellan Ånge och Sundsvall Samordningsförbund. Första dagen ägnades åt information "
                "från arbetsförmedlingen, nationella rådet och NNS. Dagen avslutades med gemensam "
                "middag.\n\n"
                "Dag 2 startade med att Ånge presenterade sitt arbete kring Ångemodellen. Övrig "
                'tid under dag två var det fokus på "Etablering av nyanlända på arbetsmarknaden – '
                'fokus på individer med bristande språkprogression" Varför utvecklas inte vissa '
                "utrikesfödda i sin språkprogression?\n\n"
                "Vi vet att bristande språkprogression hör oftast ihop med svårigheter att "
                "etablera sig på arbetsmarknaden. Flera gemensamma nämnare framkommer. Individerna "
                "har generellt en kort utbildningsbakgrund och är ovana vid studier. En annan "
                "återkommande faktor är att det är en kvinnodominerad grupp och de är också äldre, "
                "med en ålder på 40+ år. Relevant arbetslivserfarenhet för svenska arbetsmarknaden "
                "saknas och den som finns är kopplad utifrån könen. Värd för nästa års konferens "
                "blev Samordningsförbundet Gävleborg"
            ),
            decision=("Att lägga information till handlingarna",),
        ),
        Par(
            number=141,
            title="Information från Psykiatridagarna 8 och 9 november",
            matter=(
                "Årets psykiatridagar arrangerades i samarbete mellan Länsverksamhet Psykiatri "
                "Vuxen, Barn och ungdomspsykiatri och Rättspsykiatri i Region Västernorrland samt "
                "Sundsvalls Kommun, Brukarrådet Västernorrland, Samordningsförbundet i Sundsvall, "
                "Samordningsförbundet Timrå/Härnösand samt Samordningsförbundet Ånge. Man kunde "
                "delta både fysiskt, på Tornhuset i Sundsvall och digitalt.\n\n"
                "Bland annat föreläste Åsa Höij, Jag har både schizofreni och bipolär sjukdom 2, "
                "men sista 18 åren är det mest åt Schizofrenihållet. Åsa växte upp med en mamma "
                "som har psykisk sjukdom och blev i tonåren bipolär helt utan sjukdomsinsikt. "
                "Sedan följde hektiska år med två högskoleexamina och en mycket framgångsrik "
                "karriär som internationell projektledare.\n\n"
                "Linda Lampenius berättade om hur det är att leva med ätstörningar. Framgångarna "
                "inom musik har varit många för den finlandssvenska violinisten, både i Norden och "
                "internationellt. Men det som kanske alla inte känner till är hennes långa kamp "
                "med självkänslan, ångest och ätstörningar. Linda har lidit av anorexi, ortorexi "
                "och bulimi i 23 år. Hon berättade om skam och hemligheter förknippade med "
                "sjukdomarna. Hon berättade också vad anhöriga och vänner kan göra för att hjälpa "
                "den drabbade. Framför allt visar hon, att det går att bli frisk och fri."
            ),
            decision=("Att lägga information till handlingarna",),
        ),
        Par(
            number=142,
            title="Kansliet informerar",
            matter=(
                "BIP i Sundsvall\n\n"
                "Arbetet med att implementera BIP på Arbetsmarknadstorget fortsätter enligt plan. "
                "Den 29/11 kommer en andra planeringsdag med personalen att genomföras. "
                "Utvecklingsledare, Emil Ulander, har nu fått besked att han kommer att gå "
                "utbildningen Kurs för kunskapspersoner – BIP i praktiken som anordnas av "
                "Væksthusets Kompetencecenter. Kursen är för personer som vill fördjupa sig i "
                "forskningen om BIP och annan relevant forskning och vill utvecklas i en roll där "
                "du processleder reflexiva, kollegiala samtal med fokus på att utveckla praktiken "
                "på din arbetsplats enligt principerna från BIP.\n\n"
                "Indikatorsprojektet\n\n"
                "Går igenom resultatet för deltagare som besvarat indikatorsenkäten under 2022, "
                "generellt är de mycket nöjda med det stöd som de fått av insatserna som "
                "Samordningsförbundet finansierar.\n\n"
                "Vi tittar även på hur personal och chefer i samverkan besvarat enkäterna där "
                "framför allt personalen lyfter behov av större fokus på jämställdhet, jämlikhet "
                "och mångfald.\n\n"
                "Träff med Fontänhus den 25/11\n\n"
                "Samordningsförbundet har bjudit styrelsen för Fontänhusrörelsen i Sundsvall till "
                "ett möte med Region Västernorrland för att diskutera hur en eventuell "
                "förprojektering av Fontänhus i Sundsvall/Västernorrland skulle kunna finansieras. "
                "Sundsvalls kommun har avsatt 200 000 kr för en förprojektering. Mötet kommer att "
                "vara i anslutning till styrelsemötet idag. Från Samordningsförbundet Sundsvall "
                "kommer Christina Nordenö, Jonas Väst, Jan Andersson och Emil Ulander att "
                "delta.\n\n"
                "Finsam.se\n\n"
                "Finsamkonferens 2023 kommer att vara i Halmstad den 18 och 19 april 2023. Inget "
                "program eller anmälan har kommit ut än. Förbundschefen informerar om att det "
                "finns mycket intressant läsning på Finsams hemsida. www.finsam.se"
            ),
            decision=(
                (
                    "Att uppdra åt förbundschef att till nästa styrelsemöte i januari ta reda på "
                    "färdsätt och kostnader för att åka till Halmstad."
                ),
            ),
            tasks=(
                TaskSeed(
                    text="Ta reda på färdsätt och kostnader för att åka till Halmstad",
                    responsible="Förbundschefen",
                    due_meeting="2023-01-27",
                ),
            ),
        ),
        Par(
            number=143,
            title="Inbjudningar",
            matter=(
                "Medlemsmöte NNS 7 december, (bilaga 17, 18 och 19)\n\n"
                "Det ordinarie medlemsmöte inom NNS kommer att vara den 7 december i Stockholm. "
                "Förbundschefen från Samordningsförbundet kommer att delta digitalt."
            ),
            attachments=(17, 18, 19),
        ),
        Par(
            number=144,
            title="Utbildningar",
            matter="Inga relevanta utbildningar",
        ),
        Par(
            number=145,
            title="Övriga frågor",
            matter=(
                "Peter Pettersson tar upp att det finns en skillnad på stöd från arbetskonsulents "
                "håll när det kommer till anställningar för personer på AMT. Personer som erhåller "
                "en kommunal anställning som finansieras av IAF (Kom-i-jobb) har alltid stöd under "
                "hela anställningstiden, som längst 12 månader. Men sker anställningen hos en "
                "privat arbetsgivare varierar stödtiden efter behov men som längst är det då stöd "
                "från arbetskonsulent i 6 månader. Det är olyckligt att efterstöd ser så olika "
                "ut.\n\n"
                "Förbundschefen lyfter frågan hur styrelsen ställer sig om det är ok att Vård och "
                "omsorgscollege i Västernorrland ställer frågan om medfinansiering till kommunerna "
                "om medfinansiering genom de lokala ordförandena i Vård och omsorgscollege då "
                "Samordningsförbunden har Kramfors och Sollefteå tagit beslut om att inte "
                "medfinansiera förstudien kring förstudie med effektiv vård i glesbygd.\n\n"
                "Förbundschef tar upp att tidigare år har den personal som Samordningsförbundet "
                "finansierar hos huvudmännen fått någon liten uppskattning inför julen."
            ),
            decision=(
                "Att denna fråga lyfts på nästa möte i strategirådet för Samordningsförbundet.",
                (
                    "Att de inte har några invändningar om Vård och omsorgscollege vänder sig till "
                    "kommunerna i Kramfors och Sollefteå för finansiering."
                ),
                (
                    "Att styrelsen också är beredd att, inom rimliga gränser, gå in med lite mer "
                    "medel i förstudien om det skulle behövas."
                ),
                (
                    "Att kansliet bjuder in den personal som Samordningsförbundet finansierar till "
                    "en lunch den 16 december."
                ),
            ),
            tasks=(
                TaskSeed(
                    text=(
                        "Bjuda in den personal som Samordningsförbundet finansierar till en lunch "
                        "den 16 december"
                    ),
                    responsible="Kansliet",
                ),
            ),
        ),
        Par(
            number=146,
            title="Sammanträdet avslutas",
            matter=(
                "Ordförande förklarar sammanträdet avsluta och önskar alla en God Jul och ett Gott "
                "Nytt År."
            ),
        ),
    ),
    attachments=(
        AttachmentSeed(
            number=1,
            title="Protokoll från styrelsemötet 2022-10-21",
            paragraph=123,
            text_file="sundsvall_2022_11_25_bilaga_01.txt",
        ),
        AttachmentSeed(
            number=2,
            title="Plan för intern styrning och kontroll för 2023",
            paragraph=125,
            text_file="sundsvall_2022_11_25_bilaga_02.txt",
        ),
        AttachmentSeed(
            number=3,
            title="Risk- och väsentlighetsanalys för Samordningsförbundet Sundsvall 2023",
            paragraph=126,
            text_file="sundsvall_2022_11_25_bilaga_03.txt",
        ),
        AttachmentSeed(
            number=4,
            title="Värdesäkring av grundbelopp 2022 (arvoden och ersättningar, Sundsvalls kommun)",
            paragraph=127,
            text_file="sundsvall_2022_11_25_bilaga_04.txt",
        ),
        AttachmentSeed(
            number=5,
            title="Delegationsordning för Samordningsförbundet Sundsvall för 2023",
            paragraph=128,
            text_file="sundsvall_2022_11_25_bilaga_05.txt",
        ),
        AttachmentSeed(
            number=6,
            title="Attest- och utanordningsinstruktion Samordningsförbundet Sundsvall för 2023",
            paragraph=129,
            text_file="sundsvall_2022_11_25_bilaga_06.txt",
        ),
        AttachmentSeed(
            number=7,
            title="Signaturlista 2023",
            paragraph=129,
            text_file="sundsvall_2022_11_25_bilaga_07.txt",
        ),
        AttachmentSeed(
            number=8,
            title=(
                "Försäkringskassans beslut om statlig medelstilldelning till samordningsförbunden "
                "2023"
            ),
            paragraph=131,
            text_file="sundsvall_2022_11_25_bilaga_08.txt",
        ),
        AttachmentSeed(
            number=9,
            title="Tilldelning samordningsförbund, fördelning 2023",
            paragraph=131,
            text_file="sundsvall_2022_11_25_bilaga_09.txt",
        ),
        AttachmentSeed(
            number=10,
            title="Ansökan: Arbetskonsulent för personer med aktivitetsersättning 2023-2024",
            paragraph=132,
            text_file="sundsvall_2022_11_25_bilaga_10.txt",
        ),
        AttachmentSeed(
            number=11,
            title="Ansökan: Arbetskonsulent på uppdrag av FK, RVN och AF 2023-2024",
            paragraph=133,
            text_file="sundsvall_2022_11_25_bilaga_11.txt",
        ),
        AttachmentSeed(
            number=12,
            title="Ansökan: Försäkringsutredare från Försäkringskassan 2023",
            paragraph=134,
            text_file="sundsvall_2022_11_25_bilaga_12.txt",
        ),
        AttachmentSeed(
            number=13,
            title="Ansökan: Arbetsterapeut 2023",
            paragraph=135,
            text_file="sundsvall_2022_11_25_bilaga_13.txt",
        ),
        AttachmentSeed(
            number=14,
            title="Ansökan: 2 Arbetsförmedlare på Arbetsmarknadstorget (vuxna) 2023",
            paragraph=136,
            text_file="sundsvall_2022_11_25_bilaga_14.txt",
        ),
        AttachmentSeed(
            number=15,
            title="Ansökan: Psykolog på Arbetsmarknadstorget 2023",
            paragraph=137,
            text_file="sundsvall_2022_11_25_bilaga_15.txt",
        ),
        AttachmentSeed(
            number=16,
            title="Verksamhetsplan 2023 med budget 2023 och budgetöversikt 2024-2025",
            paragraph=138,
            text_file="sundsvall_2022_11_25_bilaga_16.txt",
        ),
        AttachmentSeed(
            number=17,
            title="Brev från NNS styrelse 9 november 2022",
            paragraph=143,
            text_file="sundsvall_2022_11_25_bilaga_17.txt",
        ),
        AttachmentSeed(
            number=18,
            title="NNS svar om utrikes födda kvinnors inträde på arbetsmarknaden (A2022/00809)",
            paragraph=143,
            text_file="sundsvall_2022_11_25_bilaga_18.txt",
        ),
        AttachmentSeed(
            number=19,
            title="Inbjudan till NNS konferens och medlemsmöte 7 december 2022",
            paragraph=143,
            text_file="sundsvall_2022_11_25_bilaga_19.txt",
        ),
    ),
    source="Protokoll 2022-11-25, 003_50e3612007ff11b8.txt",
)
