"""Protokoll från styrelsemöte, Samordningsförbundet Härnösand–Timrå, 2023-11-24 (§ 108–138)."""

import datetime

from samordna.demo.protocols import Attendee, Guest, Par, Protocol, TaskSeed

PROTOCOL = Protocol(
    association="harnosand-timra",
    date=datetime.date(2023, 11, 24),
    place="Arbetsmarknadstorget Härnösand, Köpmangatan 5",
    attendees=(
        Attendee("Monica Fällström", "present"),
        Attendee("Lars Kempe", "present"),
        Attendee("Niklas Edén", "present"),
        Attendee(
            "Lotta Qvarnlöf",
            "remote",
            until_number=124,
            note="Avvek kl. 12.00 och deltog ej vid §125-138.",
        ),
    ),
    guests=(
        Guest("Lena Loo", "Arbetsförmedlingen"),
        Guest("Ulrika Sahlin", "Förbundschef"),
        Guest("Kerstin Stickler", "Coompanion", from_number=111, until_number=111),
        Guest(
            "Linda Jörgensen",
            "Insatsen Tillsammans för inkludering",
            from_number=112,
            until_number=112,
        ),
        Guest(
            "Jenny Eriksson",
            "Insatsen Tillsammans för inkludering",
            from_number=112,
            until_number=112,
        ),
        Guest("Veronika Åström", "Timrå kommun", from_number=120, until_number=121),
        Guest("Åsa Vestling", "Härnösands kommun", from_number=122, until_number=122),
    ),
    chair="Monica Fällström",
    adjusters=("Niklas Edén",),
    secretary="Ulrika Sahlin",
    justified_on=datetime.date(2023, 12, 12),
    posted_on=datetime.date(2023, 12, 12),
    taken_down_as_written=datetime.date(2023, 12, 27),
    paragraphs=(
        Par(
            number=108,
            title="Mötets öppnande",
            matter=(
                "Ordförande hälsar alla välkomna till styrelsemöte och förklarar mötet öppnat. Vi "
                "startar med en kort presentationsrunda med anledning av att Niklas Edén är ny "
                "ledamot. Lena Loo som är med på mötet, är utsedd från Arbetsförmedlingen som ny "
                "ordinarie ledamot, men till dagens möte har Arbetsförmedlingens beslutsunderlag "
                "gällande nyvalet av ledamot inte inkommit till förbundet, därav deltar Lena på "
                "mötet, dock inte vid något styrelsebeslut."
            ),
        ),
        Par(
            number=109,
            title="Godkännande av dagordning",
            matter=(
                "Med anledning av att mötet kom igång så sent på grund av tekniskt strul, så har "
                "vissa punkter i dagordningen bytt plats för att kunna hålla de tider som är "
                "inbokade för muntlig dragning av ansökningar."
            ),
            decision=("Att godkänna dagordningen.",),
        ),
        Par(
            number=110,
            title="Val av justerare",
            decision=("Att utse Niklas Edén att justera protokollet.",),
        ),
        Par(
            number=111,
            title="Dialog med Coompanion",
            matter=(
                "Kerstin Stickler från Coompanion är inbjuden till dagens möte för att berätta om "
                "Coompanion. Kerstin berättar om bakgrunden och att Coompanions syfte är att "
                "främja entreprenörskap som värnar om social, ekonomisk och miljömässig "
                "hållbarhet. Deras arbete resulterar i företag som tar samhällsansvar, lokal "
                "utveckling och en mångfald av ägarmodeller i det svenska näringslivet. Skillnaden "
                "mellan vanligt företag och en ekonomisk förening är att vid ekonomisk förening så "
                "äger man företaget tillsammans och det behöver inte gå med vinst. Återinvesterar "
                "på ett annat sätt.\n\n"
                "De utbildar och skapar handböcker och metoder för att starta och arbeta i "
                "kooperativ. Alla som vill starta företag tillsammans kan få kostnadsfri "
                "rådgivning och stöd. De kan hjälpa till då företag vill genomgå ägarskifte. "
                "Överlag är det låg kunskap om vad de kan bidra till socialt entreprenörskap. De "
                "kooperativa företagen är viktiga för samhället då de i många fall drivs för att "
                "skapa positiv samhällseffekt eller samhällsnytta, som ex sociala företag. Genom "
                "kooperativt företag kan t ex lösningar för en bättre integration och en "
                "inkluderande arbetsmarknad skapas.\n\n"
                "Samtal fördes även med Kerstin om vikten av denna typ av företag och att det vid "
                "Torsbodaetableringen kan bli ett ökat behov."
            ),
            decision=("Att tacka för informationen och samtalet.",),
        ),
        Par(
            number=112,
            title="Slutrapport – Tillsammans för inkludering",
            matter=(
                "Linda Jörgensen och Jenny Eriksson ger en muntlig slutrapport av insatsen "
                "Tillsammans för inkludering.\n\n"
                "De berättar att målgruppen vuxna synskadade är en bortglömd grupp i samhället och "
                "framförallt på arbetsmarknaden. Det är en målgrupp som kräver stora anpassningar "
                "både i arbetslivet och på fritiden. Synskadade/blinda är ej inkluderad i "
                "samhället och detta medför ett utanförskap. Många mår psykiskt dåligt av den "
                "ofrivilliga isoleringen. Därför finns det en stor vilja för deltagarna att få "
                "komma ut i sysselsättning och närma sig arbetsmarknaden samt få ta del av den "
                "sociala närvaron. Synskadade förväntas arbeta för sin försörjning, men de flesta "
                "arbetsplatser är inte anpassad för personer med synnedbättning. Det finns en "
                "rädsla och okunskap kring målgruppen på arbetsplatser. Oftast ses bara hindren "
                "och svårigheterna och detta gör att personerna inte får chansen att visa sina "
                "färdigheter och kunskaper på arbetsmarknaden. Kunskapen om funktionshindret "
                "upplevs också eftersatt inom arbetsmarknadssektorn. Det är även svårt att hitta "
                "arbetsträningsplatser som kan anpassa sin verksamhet efter målgruppen.\n\n"
                "Syftet med denna insatsen har varit att synskadade ska få möjlighet till att "
                "komma ut i arbete och även lära känna andra synskadade från andra nationaliteter. "
                "Deltagarna har under projekttiden deltagit i många samtal och uttryckt att det "
                "påverkat dem positivt att det äntligen är någon som tar sig tid till att lyssna "
                "på dem och ge dem svar. De har även bl a fått genomgå biologdesign en metod där "
                "man får plocka fram sina kunskaper. Biologdesign har tidigare inte testats på "
                "synskadade, så det var klurigt, men de fick till det. Under projekttiden har 6 "
                "personer kommit ut på en arena, trots att det har varit svårt på grund av att de "
                "inte är anpassade för synskadade. AF har varit inkopplad och hjälpt till. 1 "
                "person har börjat studera.\n\n"
                "Samtliga 3 projektmål har uppfyllts."
            ),
            decision=(
                "Att tacka för informationen.",
                (
                    "Att godkänna den skriftliga slutrapporten under förutsättning att den "
                    "inkommer med parternas underskrifter samt betala ut det beviljade medlet."
                ),
            ),
        ),
        Par(
            number=113,
            title="Föregående protokoll",
            matter=(
                "Förbundschefen fick vid föregående möte i uppdrag att till dagens möte ta fram "
                "uppgifter om digital signering och hemsidan. Redovisning och beslut i dessa "
                "frågor tas vid egna beslutspunkter."
            ),
            decision=("Att lägga protokollet till handlingarna.",),
        ),
        Par(
            number=114,
            title="Valärende – Regionfullmäktige Region Västernorrland",
            matter=(
                "Regionfullmäktige har vid sitt möte 13 september 2023 för perioden 230913-260331 "
                "utsett Niklas Edén till ordinarie ledamot i Samordningsförbundet Härnösand Timrås "
                "styrelse."
            ),
            decision=("Att lägga beslutet till handlingarna.",),
        ),
        Par(
            number=115,
            title="Valärende – Kommunstyrelsen Timrå kommun",
            matter=(
                "Timrå kommuns kommunstyrelse har vid sitt möte 10 oktober 2023 för perioden "
                "230401-270331 utsett Mari Eliasson som kommunens representant till "
                "Samordningsförbundets ägarsamråd."
            ),
            decision=("Att lägga beslutet till handlingarna.",),
        ),
        Par(
            number=116,
            title="Slutrapport – Arbetsmarknadstorget Härnösand",
            matter=(
                "En skriftlig slutrapport från Arbetsmarknadstorget Härnösand har inkommit. Under "
                "året har de fortsatt att utveckla teamarbetet på Arbetsmarknadstorget och det som "
                "är nyskapande där är en gemensam metod för kartläggning och progressionsmätning "
                "mot arbete/studier. Kartläggning och progression mäts utifrån 11 olika "
                "indikatorer på framgång, d v s att individen är på väg åt rätt håll och har "
                "adekvata kombinerade insatser. Verksamhetsansvarig går just nu en fördjupande "
                "utbildning om den danska forskningen (BIP), för att de redan i slutet av detta år "
                "ska kunna påbörja införandet av det förhållningssätt och den metod som den danska "
                "forskningen har mynnat ut i. Samarbetet med företagen via HNEF och deras "
                "uppsökande arbete har medfört kontakt med ett 35-tal privata arbetsgivare som "
                "visat intresse för engagemang genom att bereda plats för personer som står långt "
                "från arbetsmarknaden. Under våren har man provat att erbjuda "
                "starta-eget-information via Nyföretagarcentrum. På arbetsmarknadstorget samordnas "
                "kartläggning av nya ärenden men också beredning av pågående ärenden där "
                "ambitionen är att samtliga aktörer ska vara delaktiga i dessa beredningar. Alla "
                "som kartläggs erhåller en handlingsplan samt en första SKAPA-skattning. För en "
                "person som slussas direkt till arbetslivsinriktad rehabilitering sker "
                "kartläggning och planering i samverkan med en konsulent på den enheten. På "
                "Arbetsmarknadstorget samordnas Drop In-tider och gäller arbetsmarknadsfrågor, "
                "integrationsfrågor, SYV-ärenden samt övrigt stöd i myndighetskontakter. Tack vare "
                "Arbetsförmedlingsprojekt, har de kunnat utöka funktionerna med en "
                "utbildningskoordinator som arbetar uppsökande och motiverande. En mycket "
                "värdefull funktion som vi vill skapa möjligheter att behålla.\n\n"
                "Av projektet 5 mål har 3 uppnåtts och ett delvis uppnåtts. Ett mål har inte "
                "kunnat redovisats."
            ),
            decision=("Att godkänna slutrapporten och betala ut det beviljade medlet.",),
        ),
        Par(
            number=117,
            title="Slutrapport – Stärkt samverkan och parallella insatser",
            matter=(
                "En skriftlig slutrapport har inkommit. Enheten för hållbar försörjning har som "
                "uppdrag att arbeta med det kommuninterna flödet av individer i behov av "
                "samordnade insatser för att närma sig en egen försörjning. Arbetet utgår från att "
                "möta individens behov genom erbjudandet om, och utförandet av, parallellt löpande "
                "kompetenshöjande insatser. Projektmedel från Samordningsförbundet har möjliggjort "
                "arbete med individer via ett externt inflöde vilket ökat samverkan mellan "
                "projektaktuella parter och genererat ett bredare intag av de kommuninvånare som "
                "är i behov av stöd av kompetenshöjande insatser.\n\n"
                "Arbetet har bidragit till en förenklad och förbättrad kommunikation mellan "
                "medverkande parter vilket verkat med positiv effekt i verksamheterna. Samtidigt "
                "har samverkan lett till att individen får möjlighet till rätt hjälp fortare genom "
                "direktkontakt med respektive handledare där alla arbetar tillsammans och är varse "
                "om syfte och mål för individen vilket genererat positiva effekter\n\n"
                "Totalt har 131 individer aktualiserats till Kompetenscenter 2023. 1 deltagare har "
                "aktualiserats från Regionen. Försäkringskassan har, fram tom 20231106 "
                "aktualiserat 15 st (8 kvinnor och 7 män). Arbetsförmedlingen aktualiserat 2 FAT. "
                "16 individer har avslutats under perioden. Var god notera att antalet individer "
                "som avslutats kan vara fler utifrån att ett slutgiltigt avslut ibland sker först "
                "efter 3 månader i anställning.\n\n"
                "Inkluderade projektparter har tillsammans möjliggjort en stabil och kommunikativ "
                "grund som lett till en stärkt samverkan. Tillsammans arbetas strategier och "
                "arbetsmetoder fram längs med projektets gång där fokus också ligger på att "
                "använda och effektivisera befintliga resurser för att medborgare som inte är "
                "självförsörjande ska få en ökad sysselsättning och samtidigt vara högst delaktig "
                "och bestämmande på sin resa mot egen försörjning.\n\n"
                "Samtliga av projektets 6 mål har uppnåtts."
            ),
            decision=("Att godkänna slutrapporten och betala ut resterande beviljade medlet.",),
        ),
        Par(
            number=118,
            title="Slutrapport – Samordningskoordinator",
            matter=(
                "En skriftlig slutrapport har inkommit.\n\n"
                "Psykiatriska mottagningen i Härnösand har sedan 2018 aktivt arbetat för att ändra "
                "på sitt förhållningssätt i behandlingen och i vården gentemot personer som har "
                "varit sjukskrivna under en längre tid och kommit långt ifrån arbetsmarknaden. Det "
                "uppmärksammades tidigt att målgruppen av personer som var sjukskrivna var stor, "
                "cirka 100 patienter december 2022. Sjukskrivningstiden var mellan 36 och 2 434 "
                "dagar. Ett flertal av dem stod på väntelista för behandling och/eller utredning "
                "med enbart kontakt med läkare för medicinsk behandling och bedömning av fortsatt "
                "sjukskrivning.\n\n"
                "Behovet av att arbeta på ett systematisk och strukturerat sätt med denna målgrupp "
                "för att kunna ge rätt stöd till ett bättre mående och rätt till självförsörjning "
                "genom arbete i det mån det var möjligt och/eller sjukersättning på del- eller "
                "heltid, var ett faktum.\n\n"
                "Genom projektet anställdes en samordningskoordinator som i samarbete med "
                "rehabiliteringskoordinator fick börja med kartläggningen av behovet och att söka "
                "samarbetsformer med Försäkringskassan och kommunen. Samverkan och samarbete med "
                "andra myndigheter med olika trygghetssystem är en förutsättning för att flera "
                "individer ska närma sig arbetsmarknaden och få möjligheter att bli självförsörjda "
                "och/eller få rätt ersättning av rätt myndighet.\n\n"
                "Kartläggningen av läkarintygen har bidragit till att få bättre kontroll över "
                "antal personer som är sjukskrivna och deras sjukskrivningstid för att därefter "
                "kunna prioritera målgrupp för vidare rehabiliteringsinsatser. Inom mottagningen "
                "har medarbetarna kunnat konsultera samordningskoordinatoren i de komplexa "
                "ärendena kring utformandet av rehabiliteringsplaner.\n\n"
                "Tillgängligheten med andra myndigheter som socialtjänsten, Arbetslivs- "
                "förvaltningen och Försäkringskassan har förbättrats och dialogen mellan parterna "
                "har ökat. Detta har bidragit till att patienterna har kunnat få det stöd de "
                "behövde för att komma vidare i sin rehabiliteringsprocess.\n\n"
                "Av projektet 3 mål har 2 uppnåtts och 1 har delvis uppnåtts."
            ),
            decision=("Att godkänna slutrapporten och betala ut det resterande beviljade medlet.",),
        ),
        Par(
            number=119,
            title="Slutrapport – AF-handläggare i samverkan",
            matter=(
                "En skriftlig slutrapport har inkommit.\n\n"
                "Syftet med insatsen har varit att minska antalet medborgare i respektive kommun "
                "som får ekonomiskt bistånd, minska antalet arbetssökande hos Arbetsförmedlingen "
                "men framförallt så stärkts medborgarna som individ då man får en anställning som "
                "i sin tur ökar kommunmedborgarens ställning i samhället.\n\n"
                "Under projektiden har arbetsförmedlaren haft inbokade möten med respektive kommun "
                "där förutsättningar har analyserats utifrån arbetssökandes situation inför en "
                "anställning med lönestöd – det har varit både fasta mötestider samt att möten har "
                "bokats vid behov. Det har också varit möten via telefon och Skype. Det har förts "
                "en aktiv dialog om vilka personer som skulle kunna kvalificera sig för "
                "anställning med lönestöd, en nära dialog med arbetsförmedlare som i tidigt skede "
                "kunnat bedöma om underlag för kodning har varit aktuella, varit med på "
                "arbetsplatser för att göra arbetsanalyser och i slutändan beviljat lönestöd.\n\n"
                "Effekterna för parterna är att personer som fått anställning med lönestöd har "
                "minskat beroendet av försörjningsstöd och kontakt med vården. Personerna har "
                "blivit mer inkluderande i samhället och fått en bättre social situation. "
                "Samverkan mellan parterna har förbättrats genom ett gemensamt driv och vilja att "
                "tillsammans möjliggöra inkludering på arbetsmarknaden. Arbetet skapar förståelse "
                "för varandras uppdrag och tydliggör vad som vi har gemensamt och hur vi ska jobba "
                "för att komplettera varandra på bästa sätt. Arbetet har bidragit att vi "
                "tillsammans blivit mer effektiv och tydliga. Arbetsförmedlingen har ett "
                "nationellt mål att öka antalet personer med lönestöd och med detta projekt har vi "
                "lyckats med att hitta goda förutsättningar för att nå målet.\n\n"
                "Det uppsatta projektmalet är uppfyllt."
            ),
            decision=("Att godkänna slutrapporten och betala ut det beviljade medlet.",),
        ),
        Par(
            number=120,
            title="Ansökan – Stärkt samverkan och parallella insatser",
            matter=(
                "Veronika Åström gör en muntlig dragnings av Timrå kommuns ansökan som görs "
                "tillsammans med Försäkringskassan där de ansöker om 400 000 kronor under 2024, "
                "till förlängning av insatsen Stärkt samverkan och parallella insatser. "
                "Projektiden är 240101-241231."
            ),
            decision=(
                (
                    "Att bevilja finansiellt stöd enligt ansökan med 400 000 kronor för perioden "
                    "240101-241231. Förbundschefen upprättar avtal."
                ),
            ),
            tasks=(
                TaskSeed(
                    (
                        "Upprätta avtal om finansiellt stöd med 400 000 kronor till insatsen "
                        "Stärkt samverkan och parallella insatser, perioden 240101-241231."
                    ),
                    "Förbundschefen",
                ),
            ),
        ),
        Par(
            number=121,
            title="Ansökan - Helhetslyftet",
            matter=(
                "Veronika Åström gör en muntlig dragnings av Timrå kommuns ansökan som görs "
                "tillsammans med Region Västernorrland där de ansöker om 100 000 kronor under 2024 "
                "till insatsen Helhetslyftet. Projektid 240101-241231."
            ),
            decision=(
                (
                    "Att bevilja finansiellt stöd enligt ansökan med 100 000 kronor för perioden "
                    "240101-24 1231. Förbundschefen upprättar avtal."
                ),
            ),
            tasks=(
                TaskSeed(
                    (
                        "Upprätta avtal om finansiellt stöd med 100 000 kronor till insatsen "
                        "Helhetslyftet, perioden 240101-241231."
                    ),
                    "Förbundschefen",
                ),
            ),
        ),
        Par(
            number=122,
            title="Ansökan – Arbetsmarknadstorget Härnösand",
            matter=(
                "Åsa Vestling gör en muntlig dragnings av Härnösand kommuns ansökan, som görs "
                "tillsammans med Arbetsförmedlingen, där de ansöker om 1 250 000 kronor under 2024 "
                "till insatsen Arbetsmarknadstorget. Projektid 240101-241231."
            ),
            decision=(
                (
                    "Att bevilja finansiellt stöd enligt ansökan med 1 250 000 kronor för perioden "
                    "240101-241231. Förbundschefen upprättar avtal."
                ),
            ),
            tasks=(
                TaskSeed(
                    (
                        "Upprätta avtal om finansiellt stöd med 1 250 000 kronor till insatsen "
                        "Arbetsmarknadstorget, perioden 240101-241231."
                    ),
                    "Förbundschefen",
                ),
            ),
        ),
        Par(
            number=123,
            title="Ansökan – Arbetsförmedlare i samverkan",
            matter=(
                "Lena Loo gör en muntlig dragnings av Arbetsförmedlingens ansökan, som görs "
                "tillsammans med Härnösands och Timrås kommun, där de ansöker om 200 000 kronor "
                "under 2024 till insatsen Arbetsförmedlare i samverkan med Arbetsmarknadstorget "
                "Härnösand och Kompetenscenter Timrå. Projektid 240101-241231."
            ),
            decision=(
                (
                    "Att bevilja finansiellt stöd enligt ansökan med 200 000 kronor för perioden "
                    "240101-241231. Förbundschefen upprättar avtal."
                ),
            ),
            tasks=(
                TaskSeed(
                    (
                        "Upprätta avtal om finansiellt stöd med 200 000 kronor till insatsen "
                        "Arbetsförmedlare i samverkan, perioden 240101-241231."
                    ),
                    "Förbundschefen",
                ),
            ),
        ),
        Par(
            number=124,
            title="Fastställande av 2024 års budget- och verksamhetsplan",
            matter=(
                "Förbundschefen redovisar innehållet i det upprättade förslaget till budget och "
                "verksamhetsplan för verksamhetsåret 2024 med plan för 2025 och 2026."
            ),
            decision=(
                "Att fastställa 2024 års budget och verksamhetsplan enligt upprättat förslag.",
            ),
        ),
        Par(
            number=125,
            title="Försäkringskassans beslut om styrelsens ansvarsfrihet",
            matter=(
                "Försäkringskassan har beslutat att godkänna Samordningsförbundet Härnösand Timrås "
                "årsredovisning för 2022 samt att bevilja ansvarsfrihet för verksamhetsåret."
            ),
            decision=("Att lägga beslutet till handlingarna.",),
        ),
        Par(
            number=126,
            title="Digital signering",
            matter=(
                "Förbundschefen har tidigare fått uppdraget att kolla upp kostnaden för att teckna "
                "avtal med företag för digital signering. Förbundschefen ger exempel på kostnaden."
            ),
            decision=(
                (
                    "Att det inte är aktuellt att teckna något avtal i dagsläget, med anledning av "
                    "det handlar om så få underskrifter per år."
                ),
            ),
        ),
        Par(
            number=127,
            title="Hemsidan",
            matter=(
                "Förbundschefen informerar att då möjligheten till att fortsätta ha hemsidan via "
                "Sundsvalls kommun nu erbjöds, så svarade de flesta styrelsemedlemmarna på "
                "förbundschefens mail att de ställer sig bakom förslaget att fortsätta ha den via "
                "Sundsvalls kommun."
            ),
            decision=("Att fortsätta ha en gemensam hemsida via Sundsvalls kommun.",),
        ),
        Par(
            number=128,
            title="Ekonomi",
            matter=(
                "Budgetuppföljning\n\n"
                "Förbundschefen visar ekonomirapporterna per den 9 november 2023.\n\n"
                "Förbundschefen kommer nu att uppmana insatsägarna att inkomma med faktura, så att "
                "beviljat medel kan betalas ut.\n\n"
                "Insatsägaren till insatsen Samordningskoordinator har meddelat att de inte kommer "
                "att ta ut hela beviljade medlet, utan det blir ca 30 000 kr mindre. Det medlet "
                "som inte utnyttjas medför en ökning av det egna kapitalet, men eftersom styrelsen "
                "under året har använt medel från det egna kapitalet till att bevilja ytterligare "
                "insatser under året, så är det ingen risk för att det egna kapitalet blir för "
                "stort, utan det kommer att ligga på en rimlig nivå och följa Nationella rådets "
                "rekommendation.\n\n"
                "Gällande arvodeskostanden är det fortfarande svårt att veta vad den kommer att "
                "landa på, eftersom arvodeskostnaden som förbundsmedlemmarna ligger ute med under "
                "året ännu inte har fakturerats förbundet. Dock kommer det nog bli mindre "
                "arvodeskostnad än det som ligger i budgeten, men anledning av att den nya "
                "ordförande inte har någon förlorad arbetsförtjänst."
            ),
            decision=("Att godkänna rapporterna och lägga dom till handlingarna.",),
        ),
        Par(
            number=129,
            title="Beslut om statlig medelstillelning 2024",
            matter=(
                "Försäkringskassan har tagit beslut om att den förslagna medelstillelningen till "
                "Samordningsförbunden för 2024 godkänns i sin helhet. Till Samordningsförbundet "
                "Härnösand Timrå tilldelas 1 873 000 kronor."
            ),
            decision=("Att lägga beslutet till handlingarna.",),
        ),
        Par(
            number=130,
            title="Beslut om plan för intern styrning och kontroll",
            matter="Styrelsen går igenom plan för intern styrning och kontroll för 2024.",
            decision=(
                (
                    "Att godkänna det upprättade förslaget på plan för intern styrning och "
                    "kontroll för verksamhetsåret 2024."
                ),
            ),
        ),
        Par(
            number=131,
            title="Beslut om risk och väsentlighetsanalys för 2024",
            matter=(
                "Styrelsen går igenom de områden som finns omnämnda i förslaget av risk och "
                "väsentlighetsanalys för 2024."
            ),
            decision=(
                (
                    "Att godkänna det upprättade förslaget på risk och väsentlighetsanalys för "
                    "verksamhetsåret 2024."
                ),
            ),
        ),
        Par(
            number=132,
            title="Uppföljning av internkontrollplan",
            matter=(
                "På grund av sjukdom har ordförande och förbundschefen ännu inte genomfört "
                "uppföljningen av internkontrollplanen, men det ska genomföras och redovisas på "
                "nästa styrelsemöte."
            ),
            decision=("Att uppföljningen redovisas på nästa styrelsemöte.",),
            tasks=(
                TaskSeed(
                    (
                        "Genomföra uppföljningen av internkontrollplanen och redovisa den på nästa "
                        "styrelsemöte."
                    ),
                    "Ordförande och förbundschefen",
                    due_meeting="2024-02-02",
                ),
            ),
        ),
        Par(
            number=133,
            title="Sammanträdesplan för 2024",
            matter=(
                "Förslag på mötestider för styrelsen under 2024\n\n"
                "Fre. 2 februari i Timrå, kl. 9-12\nFre. 22 mars i Härnösand, kl. 9-12\nFre. 31 "
                "maj i Timrå, kl. 9-12\nFre. 13 september i Härnösand, kl. 9-12\nFre. 11 oktober "
                "verksamhetsplaneringsdag Timrå, kl. 9-15\nFre. 29 november i Härnösand, kl. 9-12"
            ),
            decision=(
                "Att fastställa mötesplanen för 2024 enligt upprättat förslag.",
                "Att förbundschefen skickar ut mötesbokningarna i Outlook.",
            ),
            tasks=(
                TaskSeed(
                    "Skicka ut mötesbokningarna för 2024 i Outlook.",
                    "Förbundschefen",
                ),
            ),
        ),
        Par(
            number=134,
            title="Informations- och rapportärenden",
            matter=(
                "Norrlandskonferensen\n\n"
                "Varken ordförande eller förbundschefen kunde delta på årets Norrlandskonferens på "
                "grund av sjukdom.\n\n"
                "Psykiatridagarna\n\n"
                "Förbundschefen informerar om att föreläsningarna besöktes fysiskt av ca 25-60 "
                "personer per föreläsning och det var ca 50-70 personer per föreläsning via "
                "nätet.\n\n"
                "Välfärdsguiden\n\n"
                "Förbundschefen informerar om att överflytten av insatser från insatskatalogen "
                "till Välfärdsguiden pågår och att det planeras vara klart under första kvartalet "
                "2024.\n\n"
                "NNS styrelseprotokoll 231020\n\n"
                "På grund av tidsbrist går vi inte igenom protokollet, utan förbundschefen "
                "informerar om att det går att läsa på NNS hemsida.\n\n"
                "23 nov. digitalt seminarium - Kapacitet vård – och omsorg glesbygd\n\n"
                "Förbundschefen gav kort information om vad som sades på seminariet och att deras "
                "slutrapport kommer att skickas ut efter att den godkänts av EES."
            ),
            decision=("Att tacka för informationen och lägga den till handlingarna.",),
        ),
        Par(
            number=135,
            title="Utbildning, konferenser samt inbjudningar",
            matter="Inget aktuellt.",
        ),
        Par(
            number=136,
            title="Övriga frågor",
            matter="Ingen fråga anmäld.",
        ),
        Par(
            number=137,
            title="Nästa möte",
            matter="2 februari i Timrå.",
        ),
        Par(
            number=138,
            title="Mötets avslutning",
            matter=(
                "Ordförande tackar för ett bra möte avslutar med att önska samtliga god jul och "
                "gott nytt år."
            ),
        ),
    ),
    source="Protokoll 2023-11-24, 000_6cc3578967e8fc81.txt",
)
