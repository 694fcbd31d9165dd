"""The applications of the seeds as data, transcribed as written.

Sundsvall's six applications are Bilaga 10–15 of the minutes of 2022-11-25, decided in
§ 132–137 (one module per application). `samordna.demo.interventions` enters them through
the intervention services, so the demo passes the same checks as anything an applicant types.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class PartySeed:
    """A party as the form's "Uppgifter om ansvarig part / samverkanspart" gives it."""

    member: str  # the förbund's member it belongs to, e.g. "Sundsvalls kommun"
    organisation: str  # "Organisationens namn" as written
    unit: str = ""  # "Enhet/arbetsställe"
    signatory: str = ""  # "Behörig att teckna avtal"
    contact: str = ""  # "Kontaktperson"
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class GoalSeed:
    text: str
    indicator: str  # how the goal is measured ("Indikator: …")


@dataclass(frozen=True)
class BudgetSeed:
    cost_type: str  # salaries | premises | material | activities | external | travel | other
    year: int
    amount: int  # whole kronor
    specification: str = ""  # "ange typ av …", e.g. "Mobil och data"


@dataclass(frozen=True)
class ApplicationSeed:
    attachment: int  # Bilaga number in the minutes of the meeting that decided it
    paragraph: int  # the § that decided it
    kind: str  # new | prolongation | supplement
    name: str
    responsible: PartySeed
    organisation_number: str
    signatory_title: str
    postal_address: str
    postal_code: str
    city: str
    parties: tuple[PartySeed, ...]
    summary: str
    background: str
    purpose: str
    target_group: str
    goals: tuple[GoalSeed, ...]
    what_is_new: str  # "Avgränsningar och mervärde"
    implementation: str  # "Genomförande/samverkan"
    gender_equality: str
    evaluation: str  # "Resultatspridning" / evaluation
    expected_results_parties: str
    expected_results_individuals: str
    starts_on: datetime.date
    ends_on: datetime.date
    direction: str  # individual | structural
    esf: bool
    budget: tuple[BudgetSeed, ...]
    submitted_on: datetime.date
    # What the demo had to assume or correct, said openly.
    note: str = ""
