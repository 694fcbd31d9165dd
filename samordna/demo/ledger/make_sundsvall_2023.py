"""Writes `sundsvall_2023.se`, the demo's invented SIE 4 ledger of Samordningsförbundet i
Sundsvall for January–September 2023 (CP437 bytes, as SIE files are).

Run `python -m samordna.demo.ledger.make_sundsvall_2023` to write the file again. Every
figure is invented (antaget i demon) in proportion to the 2023 budget in Bilaga 16 of
2022-11-25: the member contributions as the schedules say (Försäkringskassan quarterly,
the region twice a year, the kommun once), board fees after each meeting, premises,
accounting, IT, the förbundschef bought as a consultant, training, the insatser that are no
decided grants (Sip-samordnare, utvecklingsledare, Insatskatalogen, Psykeveckan, the joint
training), and the payouts to decided insatser on account 4010, which the follow-up does not
count because Samordna's own payment records count for those lines.
"""

import datetime
from decimal import Decimal
from pathlib import Path

D = datetime.date
ORGNR = "222000-1537"  # invented (antaget i demon); the hook writes the förbund's own if set
BANK = 1930

ACCOUNTS = [
    (1930, "Företagskonto"),
    (2091, "Balanserat eget kapital"),
    (2440, "Leverantörsskulder"),
    (3010, "Medlemsbidrag Försäkringskassan och Arbetsförmedlingen"),
    (3020, "Medlemsbidrag Region Västernorrland"),
    (3030, "Medlemsbidrag Sundsvalls kommun"),
    (4010, "Utbetalningar till insatser enligt styrelsens beslut"),
    (4020, "Köpta tjänster Sip-samordnare"),
    (4030, "Köpta tjänster utvecklingsledare"),
    (4040, "Insatskatalogen, licens och drift"),
    (4050, "Psykeveckan, föreläsare och lokal"),
    (4060, "Gemensam kompetensutveckling för huvudmännen"),
    (4070, "Förstudie fontänhus och SFI-arbete"),
    (5010, "Lokalhyra"),
    (5460, "Förbrukningsmaterial"),
    (6071, "Representation, avdragsgill"),
    (6110, "Kontorsmateriel"),
    (6212, "Mobiltelefon"),
    (6250, "Porto"),
    (6530, "Redovisningstjänster"),
    (6540, "IT-tjänster och datadrift"),
    (6550, "Konsultarvoden förbundschef"),
    (6590, "Övriga främmande tjänster"),
    (7240, "Styrelsearvoden"),
    (7510, "Arbetsgivaravgifter på arvoden"),
    (7610, "Utbildning och konferenser"),
    (8310, "Ränteintäkter från bank"),
    (8490, "Övriga finansiella kostnader, bankavgifter"),
]
TYPES = {1930: "T", 2091: "S", 2440: "S", 3010: "I", 3020: "I", 3030: "I", 8310: "I"}

# (date, text, [(account, amount)]) — the bank row is added to balance each verification.
Entry = tuple[datetime.date, str, list[tuple[int, Decimal]]]


def _k(value: str) -> Decimal:
    return Decimal(value)


def entries() -> list[tuple[str, Entry]]:
    rows: list[tuple[str, Entry]] = []

    def cost(day: datetime.date, text: str, *lines: tuple[int, str]) -> None:
        rows.append(("A", (day, text, [(account, _k(amount)) for account, amount in lines])))

    def income(day: datetime.date, text: str, account: int, amount: str) -> None:
        rows.append(("B", (day, text, [(account, -_k(amount))])))

    # Member contributions (Bilaga 16: FK/AF 3 680, region 1 840, kommun 1 840 tkr).
    for day in (D(2023, 1, 27), D(2023, 4, 27), D(2023, 7, 27)):
        quarter = (day.month - 1) // 3 + 1
        income(day, f"Medlemsbidrag FK/AF kvartal {quarter}", 3010, "920000.00")
    income(D(2023, 2, 8), "Medlemsbidrag Region Västernorrland, första halvåret", 3020, "920000.00")
    income(D(2023, 8, 8), "Medlemsbidrag Region Västernorrland, andra halvåret", 3020, "920000.00")
    income(D(2023, 3, 29), "Medlemsbidrag Sundsvalls kommun 2023", 3030, "1840000.00")
    income(D(2023, 6, 30), "Ränta på företagskontot, första halvåret", 8310, "412.50")

    # Board fees after each meeting, with employer's contributions (31,42 %).
    for day, fee in (
        (D(2023, 2, 25), "11350.00"),
        (D(2023, 3, 25), "9080.00"),
        (D(2023, 4, 25), "10215.00"),
        (D(2023, 5, 25), "12485.00"),
        (D(2023, 6, 24), "9080.00"),
        (D(2023, 9, 23), "10215.00"),
    ):
        social = (Decimal(fee) * Decimal("0.3142")).quantize(Decimal("0.01"))
        cost(day, "Styrelsearvoden enligt närvarolista", (7240, fee), (7510, str(social)))
    cost(D(2023, 3, 17), "Fika vid styrelsemötet i mars", (6071, "1240.00"))
    cost(D(2023, 5, 26), "Lunch, gemensamt möte med styrelsen i Härnösand-Timrå", (6071, "2860.00"))

    for month in range(1, 10):
        first = D(2023, month, 1)
        cost(first, f"Lokalhyra {first:%Y-%m}", (5010, "5000.00"))
        cost(D(2023, month, 5), f"Redovisningstjänster {first:%Y-%m}", (6530, "6250.00"))
        cost(D(2023, month, 5), f"IT-tjänster och datadrift {first:%Y-%m}", (6540, "1750.00"))
        cost(D(2023, month, 10), f"Mobiltelefon {first:%Y-%m}", (6212, "329.00"))
        cost(
            D(2023, month, 25),
            f"Förbundschef, köpt tjänst från Sundsvalls kommun {first:%Y-%m}",
            (6550, "65833.00"),
        )
        cost(
            D(2023, month, 25),
            f"Utvecklingsledare, köpt tjänst {first:%Y-%m}",
            (4030, "64583.00"),
        )
        cost(D(2023, month, 28), f"Bankavgifter {first:%Y-%m}", (8490, "85.00"))
    cost(D(2023, 2, 14), "Kopieringspapper och toner", (5460, "1480.00"))
    cost(D(2023, 8, 21), "Pärmar och förbrukningsmaterial", (5460, "612.50"))
    cost(D(2023, 1, 18), "Kontorsmateriel", (6110, "845.00"))
    cost(D(2023, 5, 9), "Kontorsmateriel", (6110, "1210.00"))
    cost(D(2023, 3, 3), "Porto kallelser och utskick", (6250, "960.00"))
    cost(D(2023, 6, 2), "Porto", (6250, "1140.00"))
    cost(D(2023, 9, 8), "Porto", (6250, "870.00"))
    cost(D(2023, 4, 12), "Översättning av informationsmaterial", (6590, "6400.00"))
    cost(D(2023, 9, 14), "Tryck av verksamhetsberättelsen", (6590, "4250.00"))
    cost(D(2023, 3, 22), "Inspirationsdag med länets samordningsförbund", (7610, "28500.00"))
    cost(D(2023, 5, 16), "Samverkansdag för huvudmännens personal", (7610, "31250.00"))
    cost(D(2023, 9, 20), "NNS konferens, deltagaravgifter", (7610, "9600.00"))

    # Insatser that are no decided grants in Samordna: invoiced and booked here.
    for day in (D(2023, 3, 31), D(2023, 6, 30), D(2023, 9, 29)):
        cost(day, "Sip-samordnare, faktura Region Västernorrland", (4020, "165000.00"))
    cost(D(2023, 2, 10), "Insatskatalogen, årslicens", (4040, "27500.00"))
    cost(D(2023, 9, 12), "Psykeveckan, föreläsare och lokal", (4050, "38650.00"))
    cost(D(2023, 4, 20), "Gemensam utbildning: samtal om våld", (4060, "42000.00"))
    cost(D(2023, 9, 26), "Gemensam utbildning: motiverande samtal", (4060, "45500.00"))
    cost(D(2023, 6, 15), "Förprojektering fontänhus, konsult", (4070, "60000.00"))

    # Payouts to the decided insatser, as recorded in Samordna (not counted from here).
    for day, text, amount in (
        (D(2023, 1, 31), "Arbetskonsulent för personer med aktivitetsersättning", "354500.00"),
        (D(2023, 1, 31), "Arbetskonsulent på uppdrag av FK, RVN och AF", "306500.00"),
        (D(2023, 1, 31), "Försäkringsutredare från Försäkringskassan", "81774.00"),
        (D(2023, 1, 31), "Arbetsterapeut", "311000.00"),
        (D(2023, 1, 31), "Arbetsförmedlare på Arbetsmarknadstorget (Vuxna)", "470000.00"),
        (D(2023, 1, 31), "Psykolog", "456000.00"),
        (D(2023, 6, 30), "Försäkringsutredare från Försäkringskassan", "30000.00"),
        (D(2023, 6, 30), "Arbetsförmedlare på Arbetsmarknadstorget (Vuxna)", "60000.00"),
    ):
        cost(day, f"Utbetalning: {text}", (4010, amount))
    rows.sort(key=lambda row: (row[1][0], row[0]))
    return rows


# 2022 as the file states it (invented, antaget i demon): last year's result per account
# (#RES -1), its opening balances (#IB -1) and its closing ones (#UB -1 = #IB 0), so that
# the årsredovisning has the previous year beside. The year's result went to equity.
RESULT_2022 = [
    (3010, "-3689000.00"),
    (3020, "-1844500.00"),
    (3030, "-1844500.00"),
    (4010, "4902000.00"),
    (4020, "640000.00"),
    (4030, "760000.00"),
    (4040, "27500.00"),
    (4060, "71000.00"),
    (5010, "60000.00"),
    (6530, "75000.00"),
    (6540, "21000.00"),
    (6550, "782000.00"),
    (7240, "68000.00"),
    (7510, "21366.00"),
    (7610, "52000.00"),
    (8310, "-180.00"),
    (8490, "1020.00"),
]
OPENING = {1930: Decimal("1055000.00"), 2091: Decimal("-755000.00"), 2440: Decimal("-300000.00")}
PAYABLES_2022 = Decimal("-250000.00")


def stated_balances() -> list[str]:
    """#IB/#UB for both years and #RES -1, consistent with the verifications."""
    result_2022 = sum(Decimal(amount) for _, amount in RESULT_2022)
    equity_2022 = OPENING[2091] - result_2022  # equity before last year's result
    bank_2022 = -(equity_2022 + PAYABLES_2022)
    closing = dict(OPENING)
    for _series, (_day, _text, lines) in entries():
        for account, amount in lines:
            if account < 3000:
                closing[account] = closing.get(account, Decimal(0)) + amount
            closing[BANK] -= amount
    rows = [f"#IB 0 {account} {amount:.2f}" for account, amount in OPENING.items()]
    rows += [f"#UB 0 {account} {amount:.2f}" for account, amount in sorted(closing.items())]
    rows += [
        f"#IB -1 1930 {bank_2022:.2f}",
        f"#IB -1 2091 {equity_2022:.2f}",
        f"#IB -1 2440 {PAYABLES_2022:.2f}",
    ]
    rows += [f"#UB -1 {account} {amount:.2f}" for account, amount in OPENING.items()]
    rows += [f"#RES -1 {account} {amount}" for account, amount in RESULT_2022]
    return rows


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sie_text() -> str:
    out = [
        "#FLAGGA 0",
        "#FORMAT PC8",
        "#SIETYP 4",
        '#PROGRAM "Samordna demo - påhittad bokföring (antaget i demon)" 1.0',
        '#GEN 20231002 "Demosiffror"',
        '#FNAMN "Samordningsförbundet i Sundsvall"',
        f"#ORGNR {ORGNR}",
        "#RAR 0 20230101 20231231",
        "#RAR -1 20220101 20221231",
        "#KPTYP BAS2014",
        "#VALUTA SEK",
    ]
    for account, name in ACCOUNTS:
        out.append(f"#KONTO {account} {quote(name)}")
    for account, kind in TYPES.items():
        out.append(f"#KTYP {account} {kind}")
    out += stated_balances()
    numbers = {"A": 0, "B": 0}
    for series, (day, text, lines) in entries():
        numbers[series] += 1
        out.append(f"#VER {series} {numbers[series]} {day:%Y%m%d} {quote(text)} 20231002")
        out.append("{")
        total = Decimal(0)
        for account, amount in lines:
            out.append(f"   #TRANS {account} {{}} {amount:.2f}")
            total += amount
        out.append(f"   #TRANS {BANK} {{}} {-total:.2f}")
        out.append("}")
    return "\r\n".join(out) + "\r\n"


def write(path: Path) -> None:
    path.write_bytes(sie_text().encode("cp437"))


if __name__ == "__main__":
    write(Path(__file__).with_name("sundsvall_2023.se"))
