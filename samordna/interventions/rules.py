"""The rules an application must meet before it is sent to the förbund.

`submission_problems` returns every problem at once, keyed by the field it belongs to, so
the form can show each one where the applicant can act on it. A draft is saved without
these checks.
"""

import re
from collections import defaultdict
from collections.abc import Iterable

from stdnum import luhn
from stdnum.se import orgnr

from samordna.core.text import format_kronor
from samordna.interventions.models import (
    MAX_AMOUNT,
    Application,
    ApplicationBudgetLine,
    ApplicationGoal,
    ApplicationKind,
    ApplicationParty,
    CostType,
)

# What the förbund's form asks for. A paper application the kansli enters needs only
# REQUIRED: the paper itself is the record of the rest.
REQUIRED = [
    ("organisation_name", "Skriv organisationens namn."),
    ("organisation_number", "Skriv organisationsnumret."),
    ("name", "Ge insatsen ett namn."),
    ("starts_on", "Ange när insatsen börjar."),
    ("ends_on", "Ange när insatsen slutar."),
    ("direction", "Välj om insatsen är individinriktad eller strukturövergripande."),
    ("esf", "Svara på om insatsen medfinansieras av ESF."),
]
REQUIRED_ON_FORM = [
    ("signatory", "Skriv vem som är behörig att teckna avtal."),
    ("contact_name", "Skriv en kontaktperson."),
    ("contact_email", "Skriv kontaktpersonens e-postadress."),
    ("contact_phone", "Skriv kontaktpersonens telefonnummer."),
    ("postal_address", "Skriv utdelningsadressen."),
    ("postal_code", "Skriv postnumret."),
    ("city", "Skriv postorten."),
    ("summary", "Skriv en sammanfattning."),
    ("background", "Beskriv bakgrunden till insatsen."),
    ("purpose", "Beskriv syftet med insatsen."),
    ("target_group", "Beskriv målgruppen."),
    ("what_is_new", "Beskriv vad som är nytt i insatsen och vad den tillför."),
    ("implementation", "Beskriv hur insatsen genomförs och hur parterna samverkar."),
    ("gender_equality", "Beskriv hur insatsen arbetar med jämställdhet."),
    ("evaluation", "Beskriv hur insatsen följs upp och utvärderas."),
    ("expected_results_parties", "Beskriv det förväntade resultatet för parterna."),
    ("expected_results_individuals", "Beskriv det förväntade resultatet för individerna."),
]


_GIRO = re.compile(r"^[\d\s-]+$")


def giro_problem(kind: str, value: str) -> str | None:
    """Bankgiro: 7–8 digits, plusgiro: 2–8 digits; both end with a Luhn check digit."""
    if not value:
        return None
    label = "Bankgironumret" if kind == "bankgiro" else "Plusgironumret"
    digits = re.sub(r"[\s-]", "", value)
    lengths = (7, 8) if kind == "bankgiro" else tuple(range(2, 9))
    example = "5050-1055" if kind == "bankgiro" else "90 20 00-9"
    if not _GIRO.match(value) or len(digits) not in lengths:
        return f"{label} {value} har fel form. Skriv siffrorna, t.ex. {example}."
    if not luhn.is_valid(digits):
        return f"{label} {value} är inte giltigt. Kontrollera sista siffran."
    return None


def normalise_giro(kind: str, value: str) -> str:
    """'50501055' -> '5050-1055'; '9020007' -> '902000-7'; other input is kept as typed."""
    digits = re.sub(r"[\s-]", "", value or "")
    if not digits.isdigit():
        return (value or "").strip()
    if kind == "bankgiro" and len(digits) in (7, 8):
        return f"{digits[:-4]}-{digits[-4:]}"
    if kind == "plusgiro" and 2 <= len(digits) <= 8:
        return f"{digits[:-1]}-{digits[-1]}"
    return (value or "").strip()


def budget_by_year(lines: Iterable[ApplicationBudgetLine]) -> dict[int, int]:
    totals: dict[int, int] = defaultdict(int)
    for line in lines:
        totals[line.year] += line.amount
    return dict(sorted(totals.items()))


def _budget_problems(application: Application, lines: list[ApplicationBudgetLine]) -> list[str]:
    problems = []
    totals = budget_by_year(lines)
    if not any(totals.values()):
        problems.append("Budgeten är tom. Fyll i kostnaderna för varje år insatsen pågår.")
        return problems
    for line in lines:
        if line.cost_type == CostType.OTHER and line.amount and not line.specification.strip():
            problems.append(
                f"Ange vilka övriga kostnader som ingår för {line.year} "
                f"({format_kronor(line.amount)})."
            )
    for year, total in totals.items():
        if total > MAX_AMOUNT:
            problems.append(
                f"Summan för {year} ({format_kronor(total)}) är orimligt stor; högst "
                f"{format_kronor(MAX_AMOUNT)}."
            )
    period = application.years
    if period:
        outside = [year for year, total in totals.items() if total and year not in period]
        if outside:
            years = ", ".join(str(y) for y in outside)
            problems.append(
                f"Budgeten har kostnader för {years}, utanför insatsens period "
                f"{application.starts_on:%Y-%m-%d} – {application.ends_on:%Y-%m-%d}."
            )
        missing = [year for year in period if not totals.get(year)]
        if missing:
            years = ", ".join(str(y) for y in missing)
            problems.append(
                f"Insatsen pågår {years} men budgeten har inga kostnader för det året. "
                "Fyll i budgeten eller ändra perioden."
            )
    return problems


def submission_problems(
    application: Application,
    *,
    parties: list[ApplicationParty],
    goals: list[ApplicationGoal],
    budget: list[ApplicationBudgetLine],
) -> dict[str, list[str]]:
    """Every reason the application cannot be sent yet, by field ("" = the whole form)."""
    problems: dict[str, list[str]] = defaultdict(list)
    required = REQUIRED if application.received_on_paper else REQUIRED + REQUIRED_ON_FORM
    for field, message in required:
        if getattr(application, field) in (None, ""):
            problems[field].append(message)

    number = application.organisation_number
    if number and not orgnr.is_valid(number):
        problems["organisation_number"].append(
            f"Organisationsnumret {number} är inte giltigt. Skriv tio siffror, "
            "t.ex. 212000-2411, och kontrollera sista siffran."
        )
    for kind in ("bankgiro", "plusgiro"):
        problem = giro_problem(kind, getattr(application, kind))
        if problem:
            problems[kind].append(problem)

    if (
        application.starts_on
        and application.ends_on
        and application.ends_on < application.starts_on
    ):
        problems["ends_on"].append("Insatsen kan inte sluta innan den börjar.")

    members = {application.member_id} | {party.member_id for party in parties}
    if len(members) < 2:
        problems["parties"].append(
            "Minst två av förbundets medlemmar ska samverka i insatsen. Lägg till en "
            "samverkanspart från en annan medlem än den ansvariga parten."
        )

    if not goals and not application.received_on_paper:
        problems["goals"].append("Ange minst ett mål för insatsen, med en indikator.")
    for goal in goals:
        if not goal.indicator.strip():
            problems["goals"].append(f"Målet ”{goal.text}” saknar indikator: hur mäts det?")

    budget_problems = _budget_problems(application, budget)
    if budget_problems:
        problems["budget"].extend(budget_problems)

    if application.kind != ApplicationKind.NEW and application.intervention_id is None:
        problems["intervention"].append(
            "Välj vilken insats ansökan gäller: en förlängning eller tilläggsansökan hör "
            "till en insats som redan finns."
        )
    return dict(problems)
