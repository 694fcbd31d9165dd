"""Every write to applications and their beredning: drafts, submission, the beredningsgrupp's
comments and checklist, the tjänsteutlåtande, the agenda, and the public catalogue.

Decisions, agreements and payments are in `services/grants.py`; reports in
`services/reports.py`. The payment of an instalment starts in `samordna.attest.services`
(`instalment_pay`), which decides between a payment order and a direct payment.
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.models import Association, Member, MemberKind
from samordna.core.concurrency import lock_version
from samordna.core.services import (
    apply_changes,
    delete_with_history,
    email_queue,
    save_with_history,
)
from samordna.core.text import format_date
from samordna.core.validators import normalise_organisation_number
from samordna.interventions.documents import application_pdf
from samordna.interventions.models import (
    Application,
    ApplicationAttachment,
    ApplicationBudgetLine,
    ApplicationComment,
    ApplicationGoal,
    ApplicationKind,
    ApplicationParty,
    ApplicationStatus,
    Assessment,
    AssessmentCriterion,
    CatalogueEntry,
    Direction,
    GrantSettings,
    Intervention,
    PreparationMember,
    TargetGroup,
)
from samordna.interventions.rules import normalise_giro, submission_problems
from samordna.interventions.selectors import settings_for
from samordna.interventions.signals import application_submitted
from samordna.meetings import services as meeting_services
from samordna.meetings.models import ItemKind, Meeting
from samordna.meetings.services import papers
from samordna.meetings.services.papers import ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES

OPEN = (ApplicationStatus.SUBMITTED, ApplicationStatus.PREPARATION)
CLOSED_MESSAGE = "Ansökan är {status} och kan inte ändras."


@dataclass(frozen=True)
class PartyInput:
    member: Member
    organisation_name: str = ""
    unit: str = ""
    signatory: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""


@dataclass(frozen=True)
class GoalInput:
    text: str
    indicator: str = ""


@dataclass(frozen=True)
class BudgetCell:
    cost_type: str
    year: int
    amount: int | None
    specification: str = ""


@transaction.atomic
def grant_settings_update(*, association: Association, by: User, **fields: Any) -> GrantSettings:
    """Change how the förbund handles goals, report deadlines and reminders."""
    current = settings_for(association)
    changed = apply_changes(current, fields)
    if current.pk is None:  # the defaults until now: saved with the changes
        save_with_history(current, by=by)
    elif changed:
        save_with_history(current, by=by, update_fields=changed)
    return current


# Applications


def _check_intervention(application: Application) -> None:
    """A förlängning or tilläggsansökan continues one of the applicant's own insatser."""
    intervention = application.intervention
    if application.kind == ApplicationKind.NEW:
        # Its own insats is created when it is sent in.
        if intervention is not None and application.status == ApplicationStatus.DRAFT:
            raise ValidationError(
                {"intervention": "En ansökan om en ny insats hör inte till en tidigare insats."}
            )
        return
    if intervention is None:
        return  # asked for on submit
    if (
        intervention.association_id != application.association_id
        or intervention.owner_id != application.member_id
    ):
        raise ValidationError(
            {"intervention": "Insatsen hör inte till den ansvariga partens organisation."}
        )


@transaction.atomic
def application_create(
    *,
    association: Association,
    by: User,
    member: Member,
    kind: str = ApplicationKind.NEW,
    intervention: Intervention | None = None,
    received_on_paper: bool = False,
) -> Application:
    """Start a draft, filled in with what Samordna knows of the applicant."""
    if member.association_id != association.pk:
        raise ValidationError({"member": "Medlemmen hör inte till förbundet."})
    applicant = by.member_id == member.pk
    application = Application(
        association=association,
        member=member,
        kind=kind,
        intervention=intervention,
        created_by=by,
        received_on_paper=received_on_paper,
        organisation_name=member.name,
        organisation_number=member.organisation_number,
        unit=by.organisation_unit if applicant else "",
        contact_name=by.get_full_name() if applicant else "",
        contact_email=by.email if applicant else "",
    )
    _check_intervention(application)
    save_with_history(application, by=by)
    return application


def _locked(application: Application, version: int) -> Application:
    return lock_version(application, version, what="Ansökan")


def _sync_positioned(
    existing: Sequence[models.Model],
    wanted: Sequence[dict[str, Any]],
    make: Callable[[int, dict[str, Any]], models.Model],
    *,
    by: User,
) -> bool:
    """Make the ordered rows match `wanted`: update in place, add, remove the rest."""
    changed = False
    for position, data in enumerate(wanted):
        if position < len(existing):
            row = existing[position]
            names = apply_changes(row, {**data, "position": position})
            if names:
                save_with_history(row, by=by, update_fields=names)
                changed = True
        else:
            save_with_history(make(position, data), by=by)
            changed = True
    for row in existing[len(wanted) :]:
        delete_with_history(row, by=by)
        changed = True
    return changed


def _sync_budget(application: Application, cells: Sequence[BudgetCell], *, by: User) -> bool:
    existing = {(line.cost_type, line.year): line for line in application.budget_lines.all()}
    changed = False
    for cell in cells:
        line = existing.pop((cell.cost_type, cell.year), None)
        if not cell.amount and not cell.specification.strip():
            if line is not None:
                delete_with_history(line, by=by)
                changed = True
            continue
        if line is None:
            line = ApplicationBudgetLine(
                application=application, cost_type=cell.cost_type, year=cell.year
            )
        names = apply_changes(
            line, {"amount": cell.amount or 0, "specification": cell.specification.strip()}
        )
        if line.pk is None or names:
            save_with_history(line, by=by)
            changed = True
    for line in existing.values():  # years no longer in the table
        delete_with_history(line, by=by)
        changed = True
    return changed


def _normalised(fields: dict[str, Any]) -> dict[str, Any]:
    fields = dict(fields)
    if "organisation_number" in fields:
        fields["organisation_number"] = normalise_organisation_number(fields["organisation_number"])
    for kind in ("bankgiro", "plusgiro"):
        if kind in fields:
            fields[kind] = normalise_giro(kind, fields[kind])
    return fields


@transaction.atomic
def application_save(
    *,
    application: Application,
    by: User,
    version: int,
    fields: dict[str, Any],
    parties: Sequence[PartyInput] | None = None,
    goals: Sequence[GoalInput] | None = None,
    budget: Sequence[BudgetCell] | None = None,
) -> Application:
    """Save the form as it stands; a draft may be incomplete."""
    current = _locked(application, version)
    if current.status not in (ApplicationStatus.DRAFT, *OPEN):
        raise ValidationError(CLOSED_MESSAGE.format(status=current.get_status_display().lower()))
    names = apply_changes(current, _normalised(fields))
    _check_intervention(current)
    if current.starts_on and current.ends_on and current.ends_on < current.starts_on:
        raise ValidationError({"ends_on": "Insatsen kan inte sluta innan den börjar."})
    for party in parties or []:
        if party.member.association_id != current.association_id:
            raise ValidationError({"parties": f"{party.member} hör inte till förbundet."})
    changed = bool(names)
    if parties is not None:
        changed |= _sync_positioned(
            list(current.parties.all()),
            [vars(party) for party in parties],
            lambda position, data: ApplicationParty(application=current, position=position, **data),
            by=by,
        )
    if goals is not None:
        changed |= _sync_positioned(
            list(current.goals.all()),
            [vars(goal) for goal in goals],
            lambda position, data: ApplicationGoal(application=current, position=position, **data),
            by=by,
        )
    if budget is not None:
        changed |= _sync_budget(current, budget, by=by)
    if changed:
        current.version += 1
        save_with_history(current, by=by, update_fields=[*names, "version"])
    application.__dict__.update(current.__dict__)
    return current


@transaction.atomic
def application_submit(
    *,
    application: Application,
    by: User,
    version: int,
    now: datetime.datetime | None = None,
) -> Application:
    """Send the application to the förbund once the form's rules are met. `now` is when it
    arrived (a paper application the kansli enters later keeps its own date)."""
    current = _locked(application, version)
    if current.status != ApplicationStatus.DRAFT:
        raise ValidationError("Ansökan är redan inskickad.")
    problems = submission_problems(
        current,
        parties=list(current.parties.select_related("member")),
        goals=list(current.goals.all()),
        budget=list(current.budget_lines.all()),
    )
    if problems:
        raise ValidationError(problems)
    if current.kind == ApplicationKind.NEW:
        intervention = Intervention(
            association=current.association,
            name=current.name,
            owner=current.member,
            owner_unit=", ".join(p for p in (current.organisation_name, current.unit) if p),
            direction=current.direction,
            esf=current.esf == "yes",
        )
        save_with_history(intervention, by=by)
        current.intervention = intervention
    current.status = ApplicationStatus.SUBMITTED
    current.submitted_at = now or timezone.now()
    current.submitted_by = by
    current.version += 1
    save_with_history(
        current,
        by=by,
        update_fields=["intervention", "status", "submitted_at", "submitted_by", "version"],
    )
    _tell_office(current)
    application_submitted.send(sender=Application, application=current, by=by)
    application.__dict__.update(current.__dict__)
    return current


def _tell_office(application: Application) -> None:
    association = application.association
    if not association.email:
        return
    email_queue(
        key=f"application-submitted:{application.pk}:{application.version}",
        to=[association.email],
        template="interventions/email/application_submitted",
        context={"application": application},
        association=association,
    )


@transaction.atomic
def application_withdraw(*, application: Application, by: User) -> Application:
    """The applicant takes back an application that has not been decided."""
    current = Application.objects.select_for_update().get(pk=application.pk)
    if current.status not in (ApplicationStatus.DRAFT, *OPEN):
        raise ValidationError(CLOSED_MESSAGE.format(status=current.get_status_display().lower()))
    intervention = current.intervention
    current.status = ApplicationStatus.WITHDRAWN
    current.version += 1
    fields = ["status", "version"]
    if current.kind == ApplicationKind.NEW and intervention is not None:
        current.intervention = None
        fields.append("intervention")
    save_with_history(current, by=by, update_fields=fields)
    if "intervention" in fields and intervention is not None:
        delete_with_history(intervention, by=by)  # an insats that never began
    return current


@transaction.atomic
def attachment_add(
    *, application: Application, by: User, title: str, file: UploadedFile
) -> ApplicationAttachment:
    """A PDF or Word file sent with the application."""
    if application.status not in (ApplicationStatus.DRAFT, *OPEN):
        raise ValidationError(
            CLOSED_MESSAGE.format(status=application.get_status_display().lower())
        )
    content_type = papers.attachment_type(file)
    attachment = ApplicationAttachment(
        application=application,
        title=title,
        content_type=content_type,
        size=file.size or 0,
        uploaded_by=by,
    )
    attachment.file.save(file.name or "bilaga", file, save=False)
    try:
        save_with_history(attachment, by=by)
    except ValidationError:
        attachment.file.delete(save=False)
        raise
    return attachment


@transaction.atomic
def attachment_delete(*, attachment: ApplicationAttachment, by: User) -> None:
    if attachment.application.status != ApplicationStatus.DRAFT:
        raise ValidationError("Bilagor till en inskickad ansökan tas inte bort.")
    attachment.file.delete(save=False)
    delete_with_history(attachment, by=by)


@transaction.atomic
def intervention_register(
    *,
    association: Association,
    by: User,
    name: str,
    owner: Member,
    owner_unit: str = "",
    direction: str = Direction.INDIVIDUAL,
    esf: bool = False,
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
) -> Intervention:
    """Register an insats that was running before the förbund used Samordna, so that a
    förlängning can continue it."""
    if owner.association_id != association.pk:
        raise ValidationError({"owner": "Medlemmen hör inte till förbundet."})
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": "Insatsen kan inte sluta innan den börjar."})
    intervention = Intervention(
        association=association,
        name=name,
        owner=owner,
        owner_unit=owner_unit,
        direction=direction,
        esf=esf,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    save_with_history(intervention, by=by)
    return intervention


# Beredning


def _start_preparation(application: Application, *, by: User) -> None:
    if application.status == ApplicationStatus.SUBMITTED:
        application.status = ApplicationStatus.PREPARATION
        application.version += 1
        save_with_history(application, by=by, update_fields=["status", "version"])
    elif application.status != ApplicationStatus.PREPARATION:
        raise ValidationError(
            "Bara inskickade ansökningar som inte är beslutade bereds. Ansökan är "
            f"{application.get_status_display().lower()}."
        )


@transaction.atomic
def comment_add(*, application: Application, by: User, text: str) -> ApplicationComment:
    """A note in the beredning, seen by the kansli and the beredningsgrupp."""
    if not text.strip():
        raise ValidationError({"text": "Skriv en kommentar."})
    current = Application.objects.select_for_update().get(pk=application.pk)
    _start_preparation(current, by=by)
    comment = ApplicationComment(application=current, author=by, text=text.strip())
    save_with_history(comment, by=by)
    return comment


@transaction.atomic
def assessment_save(
    *, application: Application, by: User, verdicts: dict[int, tuple[str, str]]
) -> None:
    """The beredning's verdict on each criterion: {criterion id: (verdict, comment)}."""
    current = Application.objects.select_for_update().get(pk=application.pk)
    _start_preparation(current, by=by)
    criteria = {
        c.pk: c for c in AssessmentCriterion.objects.filter(association=current.association)
    }
    existing = {a.criterion_id: a for a in current.assessments.all()}
    for criterion_id, (verdict, comment) in verdicts.items():
        if criterion_id not in criteria:
            raise ValidationError("Kriteriet hör inte till förbundets lista.")
        assessment = existing.get(criterion_id) or Assessment(
            application=current, criterion=criteria[criterion_id]
        )
        names = apply_changes(assessment, {"verdict": verdict, "comment": comment.strip()})
        if assessment.pk is None:
            if verdict or comment.strip():
                save_with_history(assessment, by=by)
        elif names:
            save_with_history(assessment, by=by, update_fields=names)


@transaction.atomic
def opinion_save(
    *,
    application: Application,
    by: User,
    version: int,
    officer_opinion: str,
    recommendation: str,
    presenter: str = "",
) -> Application:
    """The kansli's tjänsteutlåtande and proposal to the board."""
    current = _locked(application, version)
    _start_preparation(current, by=by)
    names = apply_changes(
        current,
        {
            "officer_opinion": officer_opinion.strip(),
            "recommendation": recommendation,
            "presenter": presenter.strip(),
        },
    )
    if names:
        current.version += 1
        save_with_history(current, by=by, update_fields=[*names, "version"])
    application.__dict__.update(current.__dict__)
    return current


@transaction.atomic
def agenda_place(
    *, application: Application, by: User, meeting: Meeting, presenter: str = ""
) -> Application:
    """Put the application on a board meeting's agenda, with the application and the
    tjänsteutlåtande as a Bilaga; an invited presenter is named as föredragande."""
    current = Application.objects.select_for_update().get(pk=application.pk)
    if current.status not in OPEN:
        raise ValidationError("Bara inskickade ansökningar som inte är beslutade kan tas upp.")
    if meeting.association_id != current.association_id:
        raise ValidationError({"meeting": "Sammanträdet hör till ett annat förbund."})
    if meeting.date < timezone.localdate():
        raise ValidationError({"meeting": "Välj ett sammanträde som inte har hållits ännu."})
    if current.agenda_item is not None and current.agenda_item.meeting_id == meeting.pk:
        raise ValidationError(
            {"meeting": f"Ansökan står redan på dagordningen {format_date(meeting.date)}."}
        )
    if not current.officer_opinion.strip():
        raise ValidationError("Skriv tjänsteutlåtandet innan ansökan tas upp i styrelsen.")
    presenter = presenter.strip() or current.presenter
    item = meeting_services.agenda_item_add(
        meeting=meeting,
        by=by,
        title=f"Ansökan – {current.name}",
        kind=ItemKind.DECISION,
        presenter=presenter,
        case_number="",
    )
    pdf = application_pdf(current)
    papers.attachment_add(
        meeting=meeting,
        by=by,
        title=f"Ansökan och tjänsteutlåtande: {current.name}",
        file=SimpleUploadedFile(f"ansokan-{current.pk}.pdf", pdf, "application/pdf"),
        item=item,
    )
    current.agenda_item = item
    current.presenter = presenter
    current.status = ApplicationStatus.PREPARATION
    current.version += 1
    save_with_history(
        current, by=by, update_fields=["agenda_item", "presenter", "status", "version"]
    )
    if presenter and current.contact_email:
        email_queue(
            key=f"presentation-invite:{current.pk}:{item.pk}",
            to=[current.contact_email],
            template="interventions/email/presentation_invite",
            context={"application": current, "meeting": meeting, "presenter": presenter},
            association=current.association,
        )
    application.__dict__.update(current.__dict__)
    return current


@transaction.atomic
def criterion_add(*, association: Association, by: User, text: str) -> AssessmentCriterion:
    """Add a criterion to the end of the förbund's checklist."""
    top = AssessmentCriterion.objects.filter(association=association).aggregate(
        top=Max("position")
    )["top"]
    criterion = AssessmentCriterion(
        association=association, position=(top or 0) + 1, text=text.strip()
    )
    save_with_history(criterion, by=by)
    return criterion


@transaction.atomic
def criterion_update(
    *, criterion: AssessmentCriterion, by: User, text: str, active: bool
) -> AssessmentCriterion:
    """Reword a criterion or stop using it (earlier assessments keep it)."""
    names = apply_changes(criterion, {"text": text.strip(), "active": active})
    if names:
        save_with_history(criterion, by=by, update_fields=names)
    return criterion


@transaction.atomic
def preparation_group_set(*, association: Association, by: User, users: Sequence[User]) -> None:
    """Who is in the beredningsgrupp: users of the förbund, any role."""
    for user in users:
        if user.association_id != association.pk:
            raise ValidationError({"users": f"{user} hör inte till förbundet."})
    wanted = {user.pk for user in users}
    for membership in PreparationMember.objects.filter(association=association):
        if membership.user_id not in wanted:
            delete_with_history(membership, by=by)
        wanted.discard(membership.user_id)
    for user_id in wanted:
        save_with_history(PreparationMember(association=association, user_id=user_id), by=by)


# The public catalogue


def _search_text(entry: CatalogueEntry, intervention: Intervention) -> str:
    parts = [
        intervention.name,
        intervention.owner.name,
        intervention.owner_unit,
        entry.what,
        entry.for_whom,
        entry.where,
        entry.referral,
        entry.contact_name,
        *(m.name for m in entry.municipalities.all()),
        *(g.name for g in entry.target_groups.all()),
    ]
    return " ".join(p for p in parts if p).casefold()


@transaction.atomic
def catalogue_save(
    *,
    intervention: Intervention,
    by: User,
    target_groups: Sequence[TargetGroup],
    municipalities: Sequence[Member],
    **fields: Any,
) -> CatalogueEntry:
    """What the förbund publishes about the insats in Insatskatalogen."""
    for member in municipalities:
        if member.association_id != intervention.association_id or member.kind != (
            MemberKind.KOMMUN
        ):
            raise ValidationError({"municipalities": f"{member} är inte en kommun i förbundet."})
    entry = CatalogueEntry.objects.filter(intervention=intervention).first()
    if entry is None:
        entry = CatalogueEntry(intervention=intervention)
    apply_changes(entry, fields)
    entry.full_clean(exclude=["search_text"])
    entry._history_user = by  # type: ignore[attr-defined]
    entry.save()
    entry.target_groups.set(target_groups)
    entry.municipalities.set(municipalities)
    entry.search_text = _search_text(entry, intervention)
    entry.save(update_fields=["search_text"])
    return entry


ATTACHMENT_TYPES_TEXT = ", ".join(ATTACHMENT_TYPES)
ATTACHMENT_MAX_MB = ATTACHMENT_MAX_BYTES // (1024 * 1024)
