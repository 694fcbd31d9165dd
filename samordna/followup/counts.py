"""What a förbund counts about the participants of an insats, and the rules the counts obey.

Only counts: never a name, a personnummer or free text about a person (the förbund has no
legal ground to process personal data about participants, DOMAIN.md § 3.5). Every count
belongs to a period and an insats; the splits follow Uppföljning Finsam (gender) and the
förbund's own age bands, destinations after ending and income at the start.

The names defined here are the columns of `ParticipantReport`, of the import files and of
the exports, so one list serves all.
"""

from collections.abc import Mapping
from dataclasses import dataclass

GENDERS = (
    ("women", "kvinnor"),
    ("men", "män"),
    ("other", "annat/ej angivet"),
)
AGE_BANDS = (
    ("16_19", "16–19 år"),
    ("20_24", "20–24 år"),
    ("25_29", "25–29 år"),
    ("30_44", "30–44 år"),
    ("45_64", "45–64 år"),
)
STOCKS = (
    ("start", "Deltagare vid periodens början"),
    ("new", "Nya deltagare under perioden"),
    ("ended", "Avslutade under perioden"),
    ("end", "Pågående vid periodens slut"),
)
DESTINATIONS = (
    ("work", "arbete"),
    ("studies", "studier"),
    ("job_seeking", "arbetssökande"),
    ("other_insats", "annan insats"),
    ("benefit", "sjuk- eller aktivitetsersättning"),
    ("dropout", "avbrott"),
    ("other", "annat"),
)
INCOMES = (
    ("social_assistance", "försörjningsstöd"),
    ("sickness", "sjukpenning"),
    ("activity_compensation", "aktivitetsersättning"),
    ("activity_support", "aktivitetsstöd"),
    ("unemployment", "a-kassa"),
    ("none", "ingen offentlig försörjning"),
    ("other", "annat"),
)
# Structural insatser count people in activities and organisations, not participants.
STRUCTURAL = (
    ("activity_participants", "Deltagare i aktiviteter"),
    ("organisations", "Medverkande organisationer"),
)


@dataclass(frozen=True)
class CountField:
    name: str
    label: str
    group: str  # the stock, "ended_to", "income" or "structural"


def _fields() -> list[CountField]:
    fields = []
    for stock, stock_label in STOCKS:
        for code, label in GENDERS:
            fields.append(CountField(f"{stock}_{code}", f"{stock_label}, {label}", stock))
        for code, label in AGE_BANDS:
            fields.append(CountField(f"{stock}_age_{code}", f"{stock_label}, {label}", stock))
    for code, label in DESTINATIONS:
        fields.append(CountField(f"ended_to_{code}", f"Avslutade till {label}", "ended_to"))
    for code, label in INCOMES:
        fields.append(CountField(f"income_{code}", f"Försörjning vid start: {label}", "income"))
    for name, label in STRUCTURAL:
        fields.append(CountField(name, label, "structural"))
    return fields


COUNT_FIELDS = _fields()
COUNT_NAMES = [f.name for f in COUNT_FIELDS]


def gender_total(values: Mapping[str, int], stock: str) -> int:
    return sum(values.get(f"{stock}_{code}", 0) or 0 for code, _ in GENDERS)


def age_total(values: Mapping[str, int], stock: str) -> int:
    return sum(values.get(f"{stock}_age_{code}", 0) or 0 for code, _ in AGE_BANDS)


def destinations_total(values: Mapping[str, int]) -> int:
    return sum(values.get(f"ended_to_{code}", 0) or 0 for code, _ in DESTINATIONS)


def incomes_total(values: Mapping[str, int]) -> int:
    return sum(values.get(f"income_{code}", 0) or 0 for code, _ in INCOMES)


STOCK_LABELS = dict(STOCKS)


def problems(values: Mapping[str, int], *, previous_end: int | None = None) -> dict[str, list[str]]:
    """Every rule the counts break, by the field (or "" for the whole form) it concerns.

    The total of a stock is its split by gender; the split by age must give the same.
    """
    found: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        found.setdefault(field, []).append(message)

    for name in COUNT_NAMES:
        value = values.get(name, 0)
        if value is None or value < 0:
            add(name, "Antalet kan inte vara negativt.")
    for stock, label in STOCKS:
        by_gender, by_age = gender_total(values, stock), age_total(values, stock)
        if by_gender != by_age:
            add(
                f"{stock}_age_{AGE_BANDS[0][0]}",
                f"{label}: fördelningen på kön ger {by_gender} men fördelningen på ålder "
                f"{by_age}. Båda ska summera till samma antal.",
            )
    start, new = gender_total(values, "start"), gender_total(values, "new")
    ended, end = gender_total(values, "ended"), gender_total(values, "end")
    if ended > start + new:
        add(
            "ended_women",
            f"Fler avslutade ({ended}) än deltagare under perioden ({start} vid början och "
            f"{new} nya).",
        )
    elif end != start + new - ended:
        add(
            "end_women",
            f"Pågående vid periodens slut ska vara {start} + {new} − {ended} = "
            f"{start + new - ended}, inte {end}.",
        )
    if destinations_total(values) != ended:
        add(
            "ended_to_work",
            f"Avslutade fördelade på vart de gick ({destinations_total(values)}) ska vara lika "
            f"många som avslutade ({ended}).",
        )
    if incomes_total(values) != new:
        add(
            "income_social_assistance",
            f"Nya deltagare fördelade på försörjning vid start ({incomes_total(values)}) ska vara "
            f"lika många som nya deltagare ({new}).",
        )
    if previous_end is not None and start != previous_end:
        add(
            "start_women",
            f"Deltagare vid periodens början ({start}) ska vara lika många som pågående vid "
            f"förra periodens slut ({previous_end}).",
        )
    return found
