"""Demo data for the finance app, from the seeds:

- Sundsvall's budget 2023 with plan 2024–2025 as in Bilaga 16 of 2022-11-25 (`003_…`),
  adopted in § 138 of that meeting: income per member from the contributions (state 3 680
  000 kr by § 131 and the national table), the insats lines from the § 132–137 decisions,
  the other lines typed as the Bilaga lists them, and the balance budget with the
  forecast for 2022. The Bilaga gives the plan years per group only; how a group's plan
  is spread over its lines is assumed (noted on the lines).
- The contributions for 2023 in Sundsvall and for 2024 in Härnösand–Timrå (1 873 000 kr
  by `000_…` § 129): the schedules, due dates and the payments that arrived are assumed.
- The financial goals: Sundsvall's floor of 400 000 kr and 70 % to individinriktade
  insatser (Bilaga 16), Nationella rådet's 20 % ceiling for both.
"""

import datetime
from decimal import Decimal

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.finance import services
from samordna.finance.models import Budget, ContributionSchedule, Frequency, LineGroup
from samordna.interventions.models import Intervention
from samordna.meetings.models import Paragraph

D = datetime.date
K = 1000  # the Bilaga's tkr in kronor
ASSUMED = "antaget i demon"
# Bilaga 16: its result budget prints "Verksamhetens kostnader −7 259" for 2023 while the
# lines add up to 7 359 (nettokostnader 1 and result 0 only hold with 7 359); its plan
# 2025 lists costs of 1 270 tkr but "Summa kostnader 7 378" and result 0.
BUDGET_NOTE = (
    "Budgeten återger Bilaga 16 till protokollet 2022-11-25. Bilagans resultatbudget anger "
    "verksamhetens kostnader 2023 till −7 259 tkr, men raderna summerar till 7 359 tkr "
    "(och bara så blir nettokostnaderna 1 tkr och resultatet 0); här räknas summan ur "
    "raderna. För plan 2025 anger bilagan grupperna Styrelsen 120 och Administration 1 150 "
    "tkr men summa kostnader 7 378 tkr och resultat 0; här visas det som raderna ger, med "
    "en varning om att planen inte är i balans. Hur planårens belopp fördelas på raderna "
    f"inom en grupp är {ASSUMED}."
)

# (group, name, 2023, 2024, 2025 in tkr, financial, income, direction, note)
TYPED_LINES = [
    (LineGroup.BOARD, "Styrelsearvoden", 105, 110, 115, False, False, ""),
    (LineGroup.BOARD, "Representation", 5, 5, 5, False, False, ""),
    (LineGroup.ADMINISTRATION, "Lokalkostnader", 60, 60, 60, False, False, ""),
    (LineGroup.ADMINISTRATION, "Förbrukningsmaterial", 2, 2, 2, False, False, ""),
    (LineGroup.ADMINISTRATION, "Kontorsmaterial", 3, 3, 3, False, False, ""),
    (LineGroup.ADMINISTRATION, "Mobiltelefon", 4, 4, 4, False, False, ""),
    (LineGroup.ADMINISTRATION, "Porto", 4, 4, 4, False, False, ""),
    (LineGroup.ADMINISTRATION, "Redovisningstjänster", 75, 75, 75, False, False, ""),
    (LineGroup.ADMINISTRATION, "IT-tjänster, datadrift", 21, 21, 21, False, False, ""),
    (LineGroup.ADMINISTRATION, "Konsulter", 790, 830, 860, False, False, ""),
    (LineGroup.ADMINISTRATION, "Övr. främmande tjänster", 20, 20, 20, False, False, ""),
    (LineGroup.ADMINISTRATION, "Utbildning/Konferens", 100, 100, 100, False, False, ""),
    (LineGroup.ADMINISTRATION, "Övriga personalkostnader", 0, 0, 0, False, False, ""),
    (LineGroup.ADMINISTRATION, "Ränteintäkter", 0, 0, 0, True, True, ""),
    (LineGroup.ADMINISTRATION, "Övriga finansiella kostnader", 1, 1, 1, True, False, ""),
    (LineGroup.INTERVENTIONS, "Sip-samordnare", 660, 0, 0, False, False, "individual"),
    (LineGroup.INTERVENTIONS, "Utvecklingsledare", 775, 0, 0, False, False, "structural"),
    (LineGroup.INTERVENTIONS, "Insatskatalogen", 55, 0, 0, False, False, "structural"),
    (LineGroup.INTERVENTIONS, "Psykeveckan", 50, 0, 0, False, False, "structural"),
    (
        LineGroup.INTERVENTIONS,
        "Kompetensutveckling – Gemensamma utbildning",
        170,
        0,
        0,
        False,
        False,
        "structural",
    ),
    (
        LineGroup.NEW_INTERVENTIONS,
        "Nya insatser/aktiviteter 2023, Sfi, fontänhus, mm",
        410,
        4796,
        0,
        False,
        False,
        "",
    ),
]
# The insats lines from the decisions, named as the Bilaga lists them.
DECIDED_LINES = {
    "Försäkringsutredare från Försäkringskassan": ("Försäkringskassehandläggare", ""),
    "Arbetskonsulent för personer med aktivitetsersättning": (
        "Arbetskonsulent för personer med aktivitetsersättning",
        "2 st. Arbetskonsulenter",
    ),
    "Arbetskonsulent på uppdrag av FK, RVN och AF": (
        "Arbetskonsulent på uppdrag av FK, RVN och AF",
        "2 st. Arbetskonsulenter",
    ),
    "Arbetsförmedlare på Arbetsmarknadstorget (Vuxna)": ("2 st. Arbetsförmedlare", ""),
    "Psykolog": ("Psykolog", ""),
    "Arbetsterapeut": ("Arbetsterapeut", ""),
}
# The order of Bilaga 16's "Insatser 2023".
BILAGA_ORDER = [
    "Försäkringskassehandläggare",
    "Sip-samordnare",
    "Arbetskonsulent för personer med aktivitetsersättning",
    "Arbetskonsulent på uppdrag av FK, RVN och AF",
    "2 st. Arbetsförmedlare",
    "Psykolog",
    "Arbetsterapeut",
    "Utvecklingsledare",
    "Insatskatalogen",
    "Psykeveckan",
    "Kompetensutveckling – Gemensamma utbildning",
]
# Bilaga 16's plan for 2024 and 2025: what the members pay (tkr; 1 844,5 = 1 844 500 kr).
INCOME_PLAN = {"fk": 3_689_000, "region": 1_844_500, "kommun": 1_844_500}
# The balance budget: Prognos 2022, Budget 2023, Plan 2024, Plan 2025 (tkr).
BALANCE: dict[str, int | None] = {"current_assets": 1055 * K, "short_term_liabilities": 300 * K}
PREVIOUS_2022: dict[str, int | None] = {
    "opening_equity": 1221 * K,
    "operating_income": 7378 * K,
    "operating_costs": 7843 * K,
    "financial_income": 0,
    "financial_costs": 1 * K,
}


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _sundsvall_contributions(association: Association) -> None:
    if ContributionSchedule.objects.filter(association=association, year=2023).exists():
        return
    office, finance = _user("jan.andersson"), _user("ekonomi.sundsvall")
    members = {m.kind: m for m in association.members.all()}
    plans = [
        ("fk", Frequency.QUARTERLY, D(2023, 1, 31), D(2023, 1, 27)),
        ("region", Frequency.HALF_YEARLY, D(2023, 1, 31), D(2023, 2, 8)),
        ("kommun", Frequency.YEARLY, D(2023, 3, 31), D(2023, 3, 29)),
    ]
    for kind, frequency, first_due, arrived in plans:
        schedule = services.schedule_set(
            association=association,
            by=office,
            member=members[kind],
            year=2023,
            frequency=frequency,
            first_due_on=first_due,
            note=f"Betalplan och datum {ASSUMED}",
        )
        first = schedule.instalments.get(position=1)
        services.contribution_payment_record(
            instalment=first,
            by=finance,
            paid_on=arrived,
            amount=first.amount,
            note=f"Inbetalningen {ASSUMED}",
        )


def _ht_contributions(association: Association) -> None:
    if ContributionSchedule.objects.filter(association=association, year=2024).exists():
        return
    office = _user("ulrika.sahlin")
    services.state_allocation_set(
        association=association,
        by=office,
        year=2024,
        amount=1_873_000,
        reference="Försäkringskassans beslut, styrelsen 2023-11-24 § 129",
    )
    for member in association.members.exclude(share_percent=0).order_by("pk"):
        frequency = {
            "fk": Frequency.QUARTERLY,
            "region": Frequency.HALF_YEARLY,
        }.get(member.kind, Frequency.YEARLY)
        services.schedule_set(
            association=association,
            by=office,
            member=member,
            year=2024,
            frequency=frequency,
            first_due_on=D(2024, 1, 31) if member.kind != "kommun" else D(2024, 3, 31),
            note=f"Betalplan och datum {ASSUMED}",
        )


def _sundsvall_budget(association: Association) -> None:
    if Budget.objects.filter(association=association, year=2023).exists():
        return
    office = _user("jan.andersson")
    budget = services.budget_create(association=association, by=office, year=2023)
    plan_note = f"Planåren {ASSUMED} utifrån bilagans summor per grupp"
    for line in budget.lines.filter(member__isnull=False).select_related("member"):
        plan = INCOME_PLAN[line.member.kind]  # type: ignore[union-attr]
        services.line_save(
            budget=budget,
            by=office,
            version=_version(budget),
            line=line,
            fields={"plan_next": plan, "plan_after": plan},
        )
    names = {i.pk: i.name for i in Intervention.objects.filter(association=association)}
    for line in budget.lines.filter(from_decisions=True):
        name, summary = DECIDED_LINES[names[line.intervention_id]]  # type: ignore[index]
        services.line_save(
            budget=budget,
            by=office,
            version=_version(budget),
            line=line,
            fields={
                "name": name,
                "summary_name": summary,
                "position": 300 + BILAGA_ORDER.index(name) * 10,
            },
        )
    for index, (group, name, now, nxt, after, financial, income, direction) in enumerate(
        TYPED_LINES
    ):
        position = 100 + index * 10
        if group == LineGroup.INTERVENTIONS:
            position = 300 + BILAGA_ORDER.index(name) * 10
        elif group == LineGroup.NEW_INTERVENTIONS:
            position = 500
        services.line_save(
            budget=budget,
            by=office,
            version=_version(budget),
            fields={
                "group": group,
                "name": name,
                "position": position,
                "amount": now * K,
                "plan_next": nxt * K,
                "plan_after": after * K,
                "is_financial": financial,
                "is_income": income,
                "direction": direction,
                "note": plan_note if name in ("Styrelsearvoden", "Konsulter") else "",
            },
        )
    services.balance_save(
        budget=budget,
        by=office,
        version=_version(budget),
        columns={
            "previous": {**BALANCE, **PREVIOUS_2022},
            "budget": BALANCE,
            "plan_next": BALANCE,
            "plan_after": BALANCE,
        },
    )
    services.budget_update(
        budget=budget,
        by=office,
        version=_version(budget),
        opening_equity=_fresh(budget).opening_equity,
        note=BUDGET_NOTE,
    )
    paragraph = Paragraph.objects.get(
        meeting__association=association, meeting__date=D(2022, 11, 25), number=138
    )
    services.budget_adopt(budget=budget, by=office, version=_version(budget), paragraph=paragraph)


def _fresh(budget: Budget) -> Budget:
    return Budget.objects.get(pk=budget.pk)


def _version(budget: Budget) -> int:
    return _fresh(budget).version


def _goals(associations: dict[str, Association]) -> None:
    services.goals_save(
        association=associations["sundsvall"],
        by=_user("jan.andersson"),
        fields={
            "equity_ceiling_percent": Decimal("20"),
            "equity_floor": 400_000,
            "individual_share_percent": Decimal("70"),
            "balanced_budget": True,
            "no_loans": True,
        },
    )


def load_finance(associations: dict[str, Association]) -> None:
    """Load what is missing."""
    _sundsvall_contributions(associations["sundsvall"])
    _ht_contributions(associations["harnosand-timra"])
    _sundsvall_budget(associations["sundsvall"])
    _goals(associations)
