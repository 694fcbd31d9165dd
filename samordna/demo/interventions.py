"""Insatser in the demo, entered through the services as the users would:

- Sundsvall: the six applications of Bilaga 10–15 (`samordna.demo.applications`), decided in
  § 132–137 of 2022-11-25 with the amounts, the condition on 2024 and the half-now,
  half-after-the-report plan as written; the premises money of § 134 and § 136 set aside
  for the host of Arbetsmarknadstorget. Five of them continue functions that ran before
  the förbund used Samordna; those are registered as running insatser first.
- Härnösand–Timrå: the five insatser whose slutrapporter the board approved in § 112 and
  § 116–119 of 2023-11-24, and the four applications granted in § 120–123.

Sundsvall's payments of 2023 go through attest and utanordning by its adopted signature list
(`samordna.demo.attest_money.pay_instalment`); Härnösand–Timrå has no list in the seeds and
its payments are recorded directly.

The seeds do not say everything: when agreements were signed and money paid, what
Härnösand–Timrå granted for 2023 and the wording of those insatsers' goals. What the demo
assumes is named in `ASSUMED` and in the texts a user sees ("antaget i demon").
"""

import datetime
import importlib
from dataclasses import dataclass

from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.demo import attest_money
from samordna.demo.applications import ApplicationSeed
from samordna.demo.protocols import Protocol
from samordna.interventions import payable, services
from samordna.interventions.models import (
    Application,
    ApplicationKind,
    AssessmentCriterion,
    CostType,
    Direction,
    GrantDecision,
    Intervention,
    PaymentPlan,
    Report,
    ReportKind,
    TargetGroup,
)
from samordna.interventions.services import BudgetCell, GoalInput, PartyInput, grants, reports
from samordna.interventions.services.grants import AmountInput
from samordna.interventions.services.reports import GoalReport
from samordna.meetings.models import Meeting

D = datetime.date
ENTERED_BY = {"sundsvall": "jan.andersson", "harnosand-timra": "ulrika.sahlin"}
APPLICANT = "denise.wallen"  # Sundsvalls kommun's applications are hers; FK's and AF's
# came on paper and the kansli entered them.
ASSUMED = (
    "Datum för avtal och utbetalningar, Härnösand–Timrås belopp för 2023 och lydelsen av "
    "de insatsernas mål finns inte i protokollen och är antagna i demon."
)
IAF = "Individ och arbetsmarknadsförvaltning, Sundsvalls kommun"
CONDITION_2024 = "förbundet får bidrag från huvudmännen för 2024"


def _at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def _user(username: str) -> User:
    return User.objects.get(username=username)


# Sundsvall


def _seeds() -> list[ApplicationSeed]:
    return [
        importlib.import_module(f"samordna.demo.applications.bilaga_{n}").APPLICATION
        for n in range(10, 16)
    ]


# The § 132–137 decisions: (Bilaga, amounts for the applicant, set aside for another party).
SUNDSVALL_DECISIONS = {
    10: ([(2023, 709_000), (2024, 722_000)], None),
    11: ([(2023, 613_000), (2024, 625_000)], None),
    12: ([(2023, 163_549)], (2023, 30_000)),
    13: ([(2023, 622_000)], None),
    14: ([(2023, 940_000)], (2023, 60_000)),
    15: ([(2023, 912_000)], None),
}
# The functions that ran before 2023 under another name in Samordna's register.
EARLIER_NAMES = {14: "Arbetsförmedlare på Arbetsmarknadstorget (Vuxna)"}


def _enter(
    seed: ApplicationSeed, association: Association, by: User, intervention: Intervention | None
) -> Application:
    members = {m.name: m for m in association.members.all()}
    application = services.application_create(
        association=association,
        by=by,
        member=members[seed.responsible.member],
        kind=seed.kind,
        intervention=intervention,
        received_on_paper=by.member_id is None,
    )
    responsible = seed.responsible
    return services.application_save(
        application=application,
        by=by,
        version=application.version,
        fields={
            "organisation_name": responsible.organisation,
            "unit": responsible.unit,
            "organisation_number": seed.organisation_number,
            "signatory": responsible.signatory,
            "signatory_title": seed.signatory_title,
            "contact_name": responsible.contact,
            "contact_phone": responsible.phone,
            "contact_email": responsible.email,
            "postal_address": seed.postal_address,
            "postal_code": seed.postal_code,
            "city": seed.city,
            "name": seed.name,
            "summary": seed.summary,
            "background": seed.background,
            "purpose": seed.purpose,
            "target_group": seed.target_group,
            "what_is_new": seed.what_is_new,
            "implementation": seed.implementation,
            "gender_equality": seed.gender_equality,
            "evaluation": seed.evaluation,
            "expected_results_parties": seed.expected_results_parties,
            "expected_results_individuals": seed.expected_results_individuals,
            "starts_on": seed.starts_on,
            "ends_on": seed.ends_on,
            "direction": seed.direction,
            "esf": "yes" if seed.esf else "no",
        },
        parties=[
            PartyInput(
                member=members[p.member],
                organisation_name=p.organisation,
                unit=p.unit,
                signatory=p.signatory,
                contact_name=p.contact,
                contact_phone=p.phone,
                contact_email=p.email,
            )
            for p in seed.parties
        ],
        goals=[GoalInput(g.text, g.indicator) for g in seed.goals],
        budget=[BudgetCell(b.cost_type, b.year, b.amount, b.specification) for b in seed.budget],
    )


def _sundsvall_applications(association: Association) -> None:
    office = _user(ENTERED_BY["sundsvall"])
    applicant = _user(APPLICANT)
    for seed in _seeds():
        if Application.objects.filter(association=association, name=seed.name).exists():
            continue
        by = applicant if seed.responsible.member == applicant.member.name else office  # type: ignore[union-attr]
        intervention = None
        if seed.kind != ApplicationKind.NEW:
            members = {m.name: m for m in association.members.all()}
            intervention = services.intervention_register(
                association=association,
                by=office,
                name=EARLIER_NAMES.get(seed.attachment, seed.name),
                owner=members[seed.responsible.member],
                owner_unit=", ".join(
                    p for p in (seed.responsible.organisation, seed.responsible.unit) if p
                ),
                direction=seed.direction,
            )
        application = _enter(seed, association, by, intervention)
        services.application_submit(
            application=application, by=by, version=application.version, now=_at(seed.submitted_on)
        )


def _sundsvall_decisions(association: Association, meeting: Meeting) -> None:
    office = _user(ENTERED_BY["sundsvall"])
    paragraphs = {p.number: p for p in meeting.paragraphs.all()}
    for seed in _seeds():
        application = Application.objects.get(association=association, name=seed.name)
        if hasattr(application, "decision"):
            continue
        own, set_aside = SUNDSVALL_DECISIONS[seed.attachment]
        conditions = [CONDITION_2024] if any(year == 2024 for year, _ in own) else []
        amounts = [
            AmountInput(year, amount, condition=0 if year == 2024 else None) for year, amount in own
        ]
        if set_aside is not None:
            year, amount = set_aside
            amounts.append(
                AmountInput(
                    year, amount, PaymentPlan.INVOICE, recipient=IAF, purpose="lokalkostnader"
                )
            )
        # The § keeps its text as the protocol writes it; the decision is recorded beside it.
        grants.decision_record(
            application=application,
            paragraph=paragraphs[seed.paragraph],
            by=office,
            outcome="granted",
            amounts=amounts,
            conditions=conditions,
            write_text=False,
        )


def _sign_and_pay_first(
    decision: GrantDecision,
    by: User,
    drawn: datetime.date,
    signed: datetime.date,
    paid: datetime.date,
) -> None:
    """Agreement drawn up and signed, and the part due at signing paid (antaget i demon)."""
    agreement = grants.agreement_draw_up(decision=decision, by=by, drawn_up_on=drawn)
    grants.agreement_sign(
        agreement=agreement, by=by, signed_on=signed, signed_note="Båda parter (antaget i demon)"
    )
    state = payable.state_of(decision)
    for grant in decision.amounts.all():
        for instalment in grant.instalments.all():
            if instalment.trigger == "agreement" and state.payable(instalment, paid).can_pay:
                # Through attest and utanordning where the year has an adopted list.
                attest_money.pay_instalment(
                    instalment,
                    by=by,
                    amount=instalment.amount,
                    paid_on=paid,
                    reference="Utbetalning vid avtal (antaget i demon)",
                )


def _sundsvall_after_justering(association: Association) -> None:
    office = _user(ENTERED_BY["sundsvall"])
    finance = _user("ekonomi.sundsvall")
    for decision in GrantDecision.objects.filter(association=association).order_by("pk"):
        if hasattr(decision, "agreement"):
            continue
        _sign_and_pay_first(decision, office, D(2022, 12, 12), D(2023, 1, 16), D(2023, 1, 31))
        for grant in decision.amounts.filter(recipient=IAF):
            instalment = grant.instalments.get()
            attest_money.pay_instalment(
                instalment,
                by=finance,
                amount=grant.amount,
                paid_on=D(2023, 6, 30),
                reference="Faktura lokalkostnader Arbetsmarknadstorget (antaget i demon)",
                invoice=True,
            )
    _publish_amt(association, office)


def _publish_amt(association: Association, office: User) -> None:
    """Arbetsmarknadstorget in Insatskatalogen: running since 2016 (§ 124), described in
    Bilaga 10 and 16 of 2022-11-25."""
    name = "Arbetsmarknadstorget i Sundsvall"
    if Intervention.objects.filter(association=association, name=name).exists():
        return
    members = {m.name: m for m in association.members.all()}
    kommun = members["Sundsvalls kommun"]
    intervention = services.intervention_register(
        association=association,
        by=office,
        name=name,
        owner=kommun,
        owner_unit="Individ- och arbetsmarknadsförvaltningen, Arbete och försörjning",
        direction=Direction.INDIVIDUAL,
        starts_on=D(2016, 1, 1),
    )
    services.catalogue_save(
        intervention=intervention,
        by=office,
        published=True,
        what=(
            "Arbetsmarknadstorget är den samverkansyta där Sundsvalls kommun, Region "
            "Västernorrland, Försäkringskassan och Arbetsförmedlingen arbetar tillsammans. "
            "Kring varje deltagare finns ett individuellt team utifrån deltagarens behov av "
            "insatser och samverkan. Här finns arbetskonsulenter, psykolog, arbetsterapeut, "
            "företagskoordinatorer, studie- och yrkesvägledare och handläggare från "
            "Försäkringskassan och Arbetsförmedlingen. Fokus är att finna, få och behålla ett "
            "arbete, eller att börja studera."
        ),
        for_whom=(
            "Personer i Sundsvalls kommun i förvärvsaktiv ålder (16–64 år) som behöver "
            "samordnat stöd från flera myndigheter för att komma närmare arbete eller studier."
        ),
        where="Arbetsmarknadstorget, Norrmalmsgatan 5, Sundsvall",
        referral=(
            "Din handläggare hos socialtjänsten, Arbetsförmedlingen, Försäkringskassan eller "
            "Region Västernorrland tar upp ditt ärende i Arbetsmarknadstorgets beredningsgrupp, "
            "tillsammans med dig."
        ),
        contact_name="Denise Wallén, Individ- och arbetsmarknadsförvaltningen",
        contact_phone="060-19 22 79",
        contact_email="denise.wallen@sundsvall.se",
        target_groups=list(
            TargetGroup.objects.filter(
                code__in=[
                    "forsorjningsstod",
                    "aktivitetsersattning",
                    "funktionsnedsattning",
                    "sjukskrivna",
                    "unga-vuxna",
                ]
            )
        ),
        municipalities=[kommun],
    )


# Härnösand–Timrå


@dataclass(frozen=True)
class EarlierInsats:
    """An insats granted for 2023 before the förbund's minutes in the seeds; its slutrapport
    was approved 2023-11-24. Amounts and goal wording are assumed (antaget i demon)."""

    name: str
    owner: str
    partners: tuple[str, ...]
    amount: int
    plan: str
    paragraph: int
    goals: tuple[str, ...]  # the fulfilment of each goal, as the § counts them
    paid_at_end: int | None = None  # less than the rest, when the insats used less
    closes: bool = True
    signed_late: bool = False  # § 112: approved on condition of the parties' signatures


HT_EARLIER = [
    EarlierInsats(
        "Tillsammans för inkludering",
        "Härnösands kommun",
        ("Arbetsförmedlingen",),
        150_000,
        PaymentPlan.FINAL_REPORT,
        112,
        ("reached",) * 3,
        signed_late=True,
    ),
    EarlierInsats(
        "Arbetsmarknadstorget Härnösand",
        "Härnösands kommun",
        ("Arbetsförmedlingen", "Försäkringskassan", "Region Västernorrland"),
        1_200_000,
        PaymentPlan.FINAL_REPORT,
        116,
        ("reached", "reached", "reached", "partly", "not_reported"),
        closes=False,
    ),
    EarlierInsats(
        "Stärkt samverkan och parallella insatser",
        "Timrå kommun",
        ("Försäkringskassan",),
        400_000,
        PaymentPlan.HALF_THEN_REPORT,
        117,
        ("reached",) * 6,
        closes=False,
    ),
    EarlierInsats(
        "Samordningskoordinator",
        "Region Västernorrland",
        ("Försäkringskassan", "Härnösands kommun"),
        500_000,
        PaymentPlan.HALF_THEN_REPORT,
        118,
        ("reached", "reached", "partly"),
        paid_at_end=220_000,  # § 128: about 30 000 kr less than granted
    ),
    EarlierInsats(
        "AF-handläggare i samverkan",
        "Arbetsförmedlingen",
        ("Härnösands kommun", "Timrå kommun"),
        200_000,
        PaymentPlan.FINAL_REPORT,
        119,
        ("reached",),
    ),
]


@dataclass(frozen=True)
class PaperApplication:
    """An application of § 120–123, as the § describes it."""

    paragraph: int
    name: str
    owner: str
    partners: tuple[str, ...]
    amount: int
    presenter: str
    continues: str = ""  # the insats it prolongs


HT_2024 = [
    PaperApplication(
        120,
        "Stärkt samverkan och parallella insatser",
        "Timrå kommun",
        ("Försäkringskassan",),
        400_000,
        "Veronika Åström",
        continues="Stärkt samverkan och parallella insatser",
    ),
    PaperApplication(
        121,
        "Helhetslyftet",
        "Timrå kommun",
        ("Region Västernorrland",),
        100_000,
        "Veronika Åström",
    ),
    PaperApplication(
        122,
        "Arbetsmarknadstorget Härnösand",
        "Härnösands kommun",
        ("Arbetsförmedlingen",),
        1_250_000,
        "Åsa Vestling",
        continues="Arbetsmarknadstorget Härnösand",
    ),
    PaperApplication(
        123,
        "Arbetsförmedlare i samverkan med Arbetsmarknadstorget Härnösand och Kompetenscenter Timrå",
        "Arbetsförmedlingen",
        ("Härnösands kommun", "Timrå kommun"),
        200_000,
        "Lena Loo",
    ),
]


def _paper(
    association: Association,
    office: User,
    *,
    name: str,
    owner: str,
    partners: tuple[str, ...],
    year: int,
    amount: int,
    summary: str,
    submitted: datetime.date,
    goals: tuple[str, ...] = (),
    intervention: Intervention | None = None,
    contact: str = "",
) -> Application:
    """A paper application the kansli enters with what the minutes say of it."""
    members = {m.name: m for m in association.members.all()}
    member = members[owner]
    application = services.application_create(
        association=association,
        by=office,
        member=member,
        kind=ApplicationKind.PROLONGATION if intervention else ApplicationKind.NEW,
        intervention=intervention,
        received_on_paper=True,
    )
    application = services.application_save(
        application=application,
        by=office,
        version=application.version,
        fields={
            "organisation_name": member.name,
            "organisation_number": member.organisation_number,
            "contact_name": contact,
            "name": name,
            "summary": summary,
            "starts_on": D(year, 1, 1),
            "ends_on": D(year, 12, 31),
            "direction": Direction.INDIVIDUAL,
            "esf": "no",
        },
        parties=[PartyInput(member=members[p], organisation_name=p) for p in partners],
        goals=[
            GoalInput(
                f"Mål {n} i ansökan (lydelsen finns inte i protokollet; antaget i demon)",
                "Enligt ansökan",
            )
            for n in range(1, len(goals) + 1)
        ],
        budget=[
            BudgetCell(
                CostType.OTHER,
                year,
                amount,
                "Sökt belopp; kostnadsslagen finns i pappersansökan",
            )
        ],
    )
    return services.application_submit(
        application=application, by=office, version=application.version, now=_at(submitted)
    )


def _ht_applications(association: Association) -> None:
    office = _user(ENTERED_BY["harnosand-timra"])
    for insats in HT_EARLIER:
        if Intervention.objects.filter(association=association, name=insats.name).exists():
            continue
        application = _paper(
            association,
            office,
            name=insats.name,
            owner=insats.owner,
            partners=insats.partners,
            year=2023,
            amount=insats.amount,
            summary=f"Insatsen beviljades medel för 2023; slutrapporten behandlades "
            f"2023-11-24 § {insats.paragraph}.",
            submitted=D(2022, 10, 14),
            goals=insats.goals,
        )
        decision = grants.decision_register_earlier(
            application=application,
            by=office,
            reference="Styrelsens beslut hösten 2022, före Samordna (beloppet antaget i demon)",
            decided_on=D(2022, 11, 25),
            outcome="granted",
            amounts=[AmountInput(2023, insats.amount, insats.plan)],
        )
        _sign_and_pay_first(decision, office, D(2023, 1, 10), D(2023, 1, 20), D(2023, 1, 31))
        report = decision.reports.get(kind=ReportKind.FINAL)
        goals = list(application.goals.all())
        reports.report_save(
            report=report,
            by=office,
            version=report.version,
            results=f"Skriftlig slutrapport; se protokollet 2023-11-24 § {insats.paragraph}.",
            analysis="",
            goals=[
                GoalReport(goal.pk, fulfilment=fulfilment)
                for goal, fulfilment in zip(goals, insats.goals, strict=True)
            ],
        )
        reports.report_submit(
            report=report, by=office, version=report.version, now=_at(D(2023, 11, 10))
        )
        if not insats.signed_late:
            _sign_report(report, office, D(2023, 11, 10))
    for paper in HT_2024:
        if Application.objects.filter(
            association=association, name=paper.name, starts_on__year=2024
        ).exists():
            continue
        continues = (
            Intervention.objects.get(association=association, name=paper.continues)
            if paper.continues
            else None
        )
        _paper(
            association,
            office,
            name=paper.name,
            owner=paper.owner,
            partners=paper.partners,
            year=2024,
            amount=paper.amount,
            summary=f"{paper.owner}s ansökan, tillsammans med {' och '.join(paper.partners)}, "
            f"om medel för 2024. {paper.presenter} presenterade ansökan för styrelsen "
            f"2023-11-24 § {paper.paragraph}.",
            submitted=D(2023, 11, 10),
            intervention=continues,
            contact=paper.presenter,
        )


def _sign_report(report: Report, office: User, day: datetime.date) -> None:
    for party in payable.required_signers(report.decision.application):
        reports.report_sign(
            report=report,
            by=office,
            party=party,
            signed_by=f"Firmatecknare för {party} (antaget i demon)",
            signed_on=day,
        )


def _ht_in_meeting(association: Association, meeting: Meeting) -> None:
    """§ 112 and § 116–119 approve the slutrapporter; § 120–123 grant the applications."""
    office = _user(ENTERED_BY["harnosand-timra"])
    paragraphs = {p.number: p for p in meeting.paragraphs.all()}
    for insats in HT_EARLIER:
        report = Report.objects.get(
            association=association,
            intervention__name=insats.name,
            kind=ReportKind.FINAL,
            year=2023,
        )
        if not hasattr(report, "approval"):
            reports.report_approve(
                report=report,
                paragraph=paragraphs[insats.paragraph],
                by=office,
                write_text=False,
            )
    for paper in HT_2024:
        application = Application.objects.get(
            association=association, name=paper.name, starts_on__year=2024
        )
        if not hasattr(application, "decision"):
            grants.decision_record(
                application=application,
                paragraph=paragraphs[paper.paragraph],
                by=office,
                outcome="granted",
                amounts=[AmountInput(2024, paper.amount, PaymentPlan.INVOICE)],
                write_text=False,
            )


def _ht_after_justering(association: Association) -> None:
    office = _user(ENTERED_BY["harnosand-timra"])
    for insats in HT_EARLIER:
        intervention = Intervention.objects.get(association=association, name=insats.name)
        decision = GrantDecision.objects.get(
            application__intervention=intervention, application__starts_on__year=2023
        )
        report = decision.reports.get(kind=ReportKind.FINAL)
        if insats.signed_late and not report.signatures.exists():
            _sign_report(report, office, D(2023, 12, 15))
        grant = decision.amounts.get()
        rest = grant.instalments.get(trigger="report")
        if not rest.payments.exists():
            grants.payment_record(
                instalment=rest,
                by=office,
                amount=insats.paid_at_end or rest.amount,
                paid_on=D(2023, 12, 20),
                token=f"demo-{rest.pk}",
                reference="Faktura efter godkänd slutrapport (antaget i demon)",
            )
        if insats.closes and intervention.closed_on is None:
            grants.intervention_close(
                intervention=intervention,
                by=office,
                closed_on=D(2023, 12, 31),
                note=f"Slutrapporten godkänd 2023-11-24 § {insats.paragraph}."
                + (
                    " Insatsen tog inte ut hela det beviljade medlet (§ 128)."
                    if insats.paid_at_end
                    else ""
                ),
            )
    for decision in GrantDecision.objects.filter(
        association=association, application__starts_on__year=2024
    ):
        if hasattr(decision, "agreement"):
            continue
        _sign_and_pay_first(decision, office, D(2024, 1, 8), D(2024, 1, 19), D(2024, 1, 31))
        grant = decision.amounts.get()
        instalment = grant.instalments.get()
        grants.payment_record(
            instalment=instalment,
            by=office,
            amount=grant.amount // 2,
            paid_on=D(2024, 6, 28),
            token=f"demo-{instalment.pk}",
            reference="Faktura första halvåret 2024 (antaget i demon)",
        )


# What the beredning checks, in the seeds' words: the form's demand of two parties
# (Bilaga 10–15), the target group (Bilaga 16), goals with indicators (Bilaga 16) and the
# rule that insatser complement the members' own work (001 § 1.2.4).
CRITERIA = [
    "Minst två av förbundets samverkande parter samverkar i insatsen.",
    "Insatsen riktar sig till personer i förvärvsaktiv ålder (16–64 år) med behov av "
    "samordnad rehabilitering.",
    "Insatsen har mål med indikatorer som kan följas upp.",
    "Insatsen kompletterar parternas ordinarie verksamhet och ersätter den inte.",
]


def _criteria(association: Association) -> None:
    if AssessmentCriterion.objects.filter(association=association).exists():
        return
    office = _user(ENTERED_BY[association.slug])
    for text in CRITERIA:
        services.criterion_add(association=association, by=office, text=text)


# Entry points for samordna.demo.load


def load_applications(associations: dict[str, Association]) -> None:
    """The beredning's criteria and the applications, before the meetings that decide them."""
    for association in associations.values():
        _criteria(association)
    _sundsvall_applications(associations["sundsvall"])
    _ht_applications(associations["harnosand-timra"])


def in_meeting(protocol: Protocol, meeting: Meeting) -> None:
    """What a meeting decides about insatser, recorded before its minutes are justerade."""
    association = meeting.association
    if protocol.association == "sundsvall" and protocol.date == D(2022, 11, 25):
        _sundsvall_decisions(association, meeting)
    elif protocol.association == "harnosand-timra":
        _ht_in_meeting(association, meeting)


def load_after_justering(associations: dict[str, Association]) -> None:
    """Agreements, payments and closings that followed the justerade decisions."""
    _sundsvall_after_justering(associations["sundsvall"])
    _ht_after_justering(associations["harnosand-timra"])
