"""Follow-up in the demo: participant counts for the demo förbund's individinriktade insatser,
2020–2023, per period, entered by the insatsägare or the kansli, sent and approved.

The seeds hold no such figures (their förbund reported to SUS and Uppföljning Finsam), so
these are invented: plausible, made by a seeded generator so every load gives the same, and
marked as demo figures wherever they are shown (`ParticipantReport.demo`). The goals bound to
them are the seeds' own: Bilaga 10's "Fler deltagare i insatsen avslutas till studier eller
arbete 2023 jämfört med 2022" and Bilaga 16's förbund goal of the same kind.
"""

import datetime
import random
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.core.services import save_with_history
from samordna.followup import services
from samordna.followup.counts import AGE_BANDS, DESTINATIONS, GENDERS, INCOMES
from samordna.followup.models import (
    Audience,
    Comparison,
    Measure,
    ParticipantReport,
    PeriodKind,
    Questionnaire,
    ReportingPeriod,
    Statement,
    SurveyRound,
)
from samordna.followup.services import measured_goals, surveys
from samordna.interventions.models import ApplicationGoal, Intervention

YEARS = range(2020, 2024)


@dataclass(frozen=True)
class Insats:
    name: str
    years: range
    size: int  # participants at any time, roughly
    to_work_or_studies: float  # the share of the ended, roughly
    structural: bool = False


DEMO = {
    "sundsvall": (
        PeriodKind.HALF_YEAR,
        [
            # Bilaga 10: "ärendemängden satts till ca 24 pågående deltagare".
            Insats("Arbetskonsulent för personer med aktivitetsersättning", YEARS, 24, 0.35),
            Insats("Arbetskonsulent på uppdrag av FK, RVN och AF", YEARS, 20, 0.3),
            Insats("Arbetsterapeut", YEARS, 30, 0.2),
            Insats("Psykolog", YEARS, 35, 0.2),
            Insats("Arbetsförmedlare på Arbetsmarknadstorget (Vuxna)", YEARS, 60, 0.45),
            Insats("Försäkringsutredare från Försäkringskassan", range(2023, 2024), 35, 0, True),
        ],
    ),
    "harnosand-timra": (
        PeriodKind.TERTIAL,
        [
            Insats("Arbetsmarknadstorget Härnösand", YEARS, 45, 0.3),
            Insats("Stärkt samverkan och parallella insatser", range(2023, 2024), 40, 0.25),
            Insats("Samordningskoordinator", range(2023, 2024), 25, 0.1),
            Insats("Tillsammans för inkludering", range(2023, 2024), 8, 0.15),
            Insats("AF-handläggare i samverkan", range(2023, 2024), 15, 0.5),
        ],
    ),
}
ENTERED_BY = {"sundsvall": "jan.andersson", "harnosand-timra": "ulrika.sahlin"}


def _split(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    """`total` divided by `weights`, whole numbers that add up exactly."""
    parts = [0] * len(weights)
    for _ in range(total):
        parts[rng.choices(range(len(weights)), weights)[0]] += 1
    return parts


def _take(rng: random.Random, have: list[int], count: int) -> list[int]:
    """`count` people taken from the groups in `have`, none taking more than it has."""
    taken = [0] * len(have)
    left = list(have)
    for _ in range(min(count, sum(have))):
        group = rng.choices(range(len(left)), left)[0]
        taken[group] += 1
        left[group] -= 1
    return taken


GENDER_WEIGHTS = [0.52, 0.46, 0.02]
AGE_WEIGHTS = [0.08, 0.3, 0.25, 0.25, 0.12]
DESTINATION_WEIGHTS = {
    "job_seeking": 0.25,
    "other_insats": 0.25,
    "benefit": 0.1,
    "dropout": 0.2,
    "other": 0.2,
}


def _periods(
    insats: Insats, rng: random.Random, periods: list[ReportingPeriod]
) -> Iterator[tuple[ReportingPeriod, dict[str, int]]]:
    """Counts for each period: the end of one is the start of the next, per gender and age.
    An insats that ran before 2020 starts with its usual number of participants."""
    running = insats.years.start == YEARS.start
    genders = _split(rng, insats.size, GENDER_WEIGHTS) if running else [0, 0, 0]
    ages = _split(rng, sum(genders), AGE_WEIGHTS)
    for period in periods:
        values: dict[str, int] = {}
        if insats.structural:
            values["activity_participants"] = insats.size + rng.randint(-5, 5)
            values["organisations"] = rng.randint(3, 5)
            yield period, values
            continue
        share = 12 / len([p for p in periods if p.year == period.year])
        new = max(1, round(insats.size * 0.5 * share / 12 * rng.uniform(0.7, 1.3)))
        new_genders = _split(rng, new, GENDER_WEIGHTS)
        new_ages = _split(rng, new, AGE_WEIGHTS)
        present = sum(genders) + new
        ended = min(present, max(0, round(present - insats.size * rng.uniform(0.85, 1.1))))
        ended_genders = _take(
            rng, [a + b for a, b in zip(genders, new_genders, strict=True)], ended
        )
        ended_ages = _take(rng, [a + b for a, b in zip(ages, new_ages, strict=True)], ended)
        work_or_studies = min(
            ended, round(ended * insats.to_work_or_studies * rng.uniform(0.7, 1.3))
        )
        to_work = round(work_or_studies * 0.6)
        destinations = {"work": to_work, "studies": work_or_studies - to_work}
        rest = _split(rng, ended - work_or_studies, list(DESTINATION_WEIGHTS.values()))
        destinations.update(zip(DESTINATION_WEIGHTS, rest, strict=True))
        incomes = _split(rng, new, [0.3, 0.2, 0.15, 0.15, 0.05, 0.1, 0.05])
        for stock, by_gender, by_age in (
            ("start", genders, ages),
            ("new", new_genders, new_ages),
            ("ended", ended_genders, ended_ages),
        ):
            for (code, _), value in zip(GENDERS, by_gender, strict=True):
                values[f"{stock}_{code}"] = value
            for (code, _), value in zip(AGE_BANDS, by_age, strict=True):
                values[f"{stock}_age_{code}"] = value
        genders = [s + n - e for s, n, e in zip(genders, new_genders, ended_genders, strict=True)]
        ages = [s + n - e for s, n, e in zip(ages, new_ages, ended_ages, strict=True)]
        for (code, _), value in zip(GENDERS, genders, strict=True):
            values[f"end_{code}"] = value
        for (code, _), value in zip(AGE_BANDS, ages, strict=True):
            values[f"end_age_{code}"] = value
        for code, _ in DESTINATIONS:
            values[f"ended_to_{code}"] = destinations.get(code, 0)
        for (code, _), value in zip(INCOMES, incomes, strict=True):
            values[f"income_{code}"] = value
        yield period, values


def _load(association: Association, kind: str, insatser: list[Insats]) -> None:
    office = User.objects.get(username=ENTERED_BY[association.slug])
    if ParticipantReport.objects.filter(association=association, demo=True).exists():
        return
    services.settings_update(
        association=association, by=office, period_kind=kind, share_nationally=True
    )
    periods = [
        p for year in YEARS for p in services.periods_for_year(association=association, year=year)
    ]
    for insats in insatser:
        intervention = Intervention.objects.get(association=association, name=insats.name)
        rng = random.Random(f"{association.slug}/{insats.name}")
        chosen = [p for p in periods if p.year in insats.years]
        for period, values in _periods(insats, rng, chosen):
            report = services.counts_open(intervention=intervention, period=period, by=office)
            report.demo = True
            save_with_history(report, by=office, update_fields=["demo"])
            services.counts_save(report=report, by=office, version=report.version, values=values)
            sent = timezone.make_aware(
                datetime.datetime.combine(
                    period.ends_on + datetime.timedelta(days=10), datetime.time(10)
                )
            )
            services.counts_submit(report=report, by=office, version=report.version, now=sent)
            services.counts_approve(report=report, by=office, now=sent + datetime.timedelta(days=3))
        for year in insats.years:
            services.planned_set(
                intervention=intervention, by=office, year=year, planned=insats.size
            )


def load_followup(associations: dict[str, Association]) -> None:
    for slug, (kind, insatser) in DEMO.items():
        _load(associations[slug], kind, insatser)
    _load_surveys(associations["sundsvall"])


# Surveys: the förbund's own statements, phrased from Bilaga 10's goals measured "med NNS
# indikatorenkät" (the NNS wording belongs to NNS; a förbund enters its own). The answers are
# invented demo answers, and each round's title says so.
END_STATEMENTS = [
    "Jag har kommit närmare att kunna försörja mig själv.",
    "Jag har fått hjälp att utveckla sätt att hantera min situation.",
    "Det finns en planering som tar vid när insatsen är slut.",
    "Jag har blivit bemött med respekt.",
]
BOARD_STATEMENTS = [
    "Styrelsen får det underlag den behöver för att fatta beslut.",
    "Förbundets insatser stärker samverkan mellan parterna.",
]


@dataclass(frozen=True)
class DemoRound:
    insats: str  # "" for the whole förbund
    year: int
    answers: int
    # Weights of the scale's steps (lowest first) for the invented answers.
    weights: tuple[float, ...]


SUNDSVALL_ROUNDS = [
    DemoRound("Arbetskonsulent för personer med aktivitetsersättning", 2022, 9, (1, 2, 4, 3)),
    DemoRound("Arbetskonsulent för personer med aktivitetsersättning", 2023, 12, (1, 1, 4, 5)),
    DemoRound("Psykolog", 2023, 3, (0, 1, 2, 1)),  # too few to show outside the kansli
]


def _answer(
    survey_round: SurveyRound,
    statements: list[Statement],
    rng: random.Random,
    weights: tuple[float, ...],
    values: list[int],
    on_paper: bool = False,
) -> None:
    surveys.answer_submit(
        round=survey_round,
        key=f"demo-{survey_round.pk}-{rng.random()}",
        answers={
            s.pk: (rng.choices(values, weights)[0] if rng.random() > 0.05 else None)
            for s in statements
        },
        on_paper=on_paper,
        today=survey_round.opens_on,
    )


def _load_surveys(association: Association) -> None:
    office = User.objects.get(username=ENTERED_BY[association.slug])
    if Questionnaire.objects.filter(association=association).exists():
        return
    four, five = surveys.default_scales(association, office)
    end = surveys.questionnaire_create(
        association=association,
        by=office,
        name="Deltagare vid avslut",
        audience=Audience.END,
        scale=four,
        introduction="Du har deltagit i en insats som Samordningsförbundet i Sundsvall "
        "finansierar. Dina svar hjälper oss att göra insatserna bättre.",
    )
    for text in END_STATEMENTS:
        surveys.statement_add(questionnaire=end, by=office, text=text)
    board = surveys.questionnaire_create(
        association=association,
        by=office,
        name="Styrelsens ledamöter",
        audience=Audience.BOARD,
        scale=five,
    )
    for text in BOARD_STATEMENTS:
        surveys.statement_add(questionnaire=board, by=office, text=text)
    values4 = [step.value for step in four.steps.all()]
    values5 = [step.value for step in five.steps.all()]
    rounds = [(end, r) for r in SUNDSVALL_ROUNDS] + [
        (board, DemoRound("", 2023, 7, (0, 1, 1, 3, 2)))
    ]
    for questionnaire, demo in rounds:
        intervention = (
            Intervention.objects.get(association=association, name=demo.insats)
            if demo.insats
            else None
        )
        survey_round = surveys.round_open(
            association=association,
            by=office,
            questionnaire=questionnaire,
            intervention=intervention,
            year=demo.year,
            opens_on=datetime.date(demo.year, 11, 1),
            closes_on=datetime.date(demo.year, 12, 15),
            title=f"{questionnaire.name}{f', {demo.insats}' if demo.insats else ''} "
            f"{demo.year} (demosvar)",
        )
        statements = list(questionnaire.statements.all())
        rng = random.Random(f"{association.slug}/{survey_round.title}")
        values = values4 if questionnaire == end else values5
        for n in range(demo.answers):
            _answer(survey_round, statements, rng, demo.weights, values, on_paper=n == 0)
    _bind_goals(association, office, end)


def _bind_goals(association: Association, office: User, end: Questionnaire) -> None:
    """Bilaga 10's goals and Bilaga 16's förbund goal, bound to what measures them."""
    application_goals = list(
        ApplicationGoal.objects.filter(
            application__association=association,
            application__name="Arbetskonsulent för personer med aktivitetsersättning",
        ).order_by("position")
    )
    statements = list(end.statements.all())
    measured_goals.goal_bind(
        association=association,
        by=office,
        application_goal=application_goals[0],  # "Fler deltagare … 2023 jämfört med 2022"
        measure=Measure.TO_WORK_OR_STUDIES,
        comparison=Comparison.HIGHER_THAN_LAST_YEAR,
    )
    measured_goals.goal_bind(
        association=association,
        by=office,
        application_goal=application_goals[1],  # "närmar sig egen försörjning" (enkät)
        measure=Measure.AGREE,
        statement=statements[0],
        comparison=Comparison.HIGHER_THAN_LAST_YEAR,
    )
    measured_goals.goal_bind(
        association=association,
        by=office,
        text="Fler deltagare i individinriktade insatser avslutas till studier eller arbete "
        "jämfört med året innan.",  # Bilaga 16, Mål för 2023
        measure=Measure.TO_WORK_OR_STUDIES,
        comparison=Comparison.HIGHER_THAN_LAST_YEAR,
    )
