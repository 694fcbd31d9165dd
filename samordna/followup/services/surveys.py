"""Indicator surveys: the förbund's answer scales and questionnaires, rounds answered through
an anonymous link (or typed in from paper), and the results per statement.

An answer sheet is stored as a `SurveyResponse` with one `SurveyAnswer` per statement and
nothing else: no time, no address, no user, no cookie value. A web form carries a random
key that is spent when the form is sent (`UsedFormKey`), so the same form cannot be counted
twice; the key is made for the form, not for the person.

A link takes at most the answers the round expects and a margin (`answer_cap`), and at most
`ANSWERS_PER_ADDRESS` from one address in ten minutes. To count those the address is read,
but only a keyed hash of it, the round and the ten-minute window is kept (`AnswerThrottle`),
for the current and the previous window and then deleted. Refused answers are counted on
the round, and the goal pages say how many.

Results are counted in the database: one query for the scale steps, one for the counts per
statement and step, whatever the number of answers.
"""

import datetime
import hashlib
import hmac
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, Max, OuterRef, Q, Sum
from django.utils import timezone

from samordna.accounts.models import User
from samordna.associations.cache import association_pages_changed
from samordna.associations.models import Association
from samordna.core.services import apply_changes, delete_with_history, save_with_history
from samordna.followup.models import (
    AnswerThrottle,
    Audience,
    Questionnaire,
    Scale,
    ScaleStep,
    Statement,
    SurveyAnswer,
    SurveyResponse,
    SurveyRound,
    UsedFormKey,
)
from samordna.followup.suppression import Cell, suppress_table
from samordna.interventions.models import Intervention

KEY_LENGTH = 64  # UsedFormKey.key
USED_KEY = "used_key"  # the code of the error for a form sent a second time
ANSWERS_PER_ADDRESS = 5  # in ten minutes (the current and the previous window)
THROTTLE_WINDOW_SECONDS = 10 * 60
REFUSED_FULL = (
    "Enkäten har redan fått så många svar som den väntar sig och tar inte emot fler. "
    "Kontakta den som bad dig svara om du inte har svarat tidigare."
)
REFUSED_RATE = (
    "Många svar har kommit från samma nätverk på kort tid. Vänta tio minuter och skicka "
    "sedan formuläret igen."
)


class AnswerRefused(ValidationError):
    """An answer the link does not take: the round is full or the address has sent many."""


# Scales


@dataclass(frozen=True)
class StepInput:
    value: int
    label: str
    agrees: bool = False


DEFAULT_SCALES: dict[str, list[StepInput]] = {
    "Fyrgradig skala": [
        StepInput(1, "Stämmer inte alls"),
        StepInput(2, "Stämmer ganska dåligt"),
        StepInput(3, "Stämmer ganska bra", agrees=True),
        StepInput(4, "Stämmer helt", agrees=True),
    ],
    "Femgradig skala": [
        StepInput(1, "Instämmer inte alls"),
        StepInput(2, "Instämmer i låg grad"),
        StepInput(3, "Instämmer delvis"),
        StepInput(4, "Instämmer i hög grad", agrees=True),
        StepInput(5, "Instämmer helt", agrees=True),
    ],
}


def _check_steps(steps: Sequence[StepInput]) -> None:
    if len(steps) < 2:
        raise ValidationError({"steps": "En skala behöver minst två steg."})
    values = [step.value for step in steps]
    doubles = sorted({v for v in values if values.count(v) > 1})
    if doubles:
        raise ValidationError(
            {"steps": f"Varje steg ska ha ett eget värde; {doubles[0]} finns flera gånger."}
        )
    if any(step.value < 1 for step in steps):
        raise ValidationError({"steps": "Stegens värden ska vara heltal från 1 och uppåt."})
    if any(not step.label.strip() for step in steps):
        raise ValidationError({"steps": "Varje steg behöver en text, t.ex. Stämmer helt."})
    if not any(step.agrees for step in steps):
        raise ValidationError(
            {"agreeing": "Ange vilka steg som räknas som att man instämmer, t.ex. 3 och 4."}
        )
    if all(step.agrees for step in steps):
        raise ValidationError({"agreeing": "Minst ett steg ska räknas som att man inte instämmer."})


@transaction.atomic
def scale_create(
    *, association: Association, by: User | None, name: str, steps: Sequence[StepInput]
) -> Scale:
    """A new answer scale with its steps."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Ge skalan ett namn."})
    if Scale.objects.filter(association=association, name__iexact=name).exists():
        raise ValidationError({"name": f"Förbundet har redan en skala som heter {name}."})
    _check_steps(steps)
    scale = Scale(association=association, name=name)
    save_with_history(scale, by=by)
    for step in sorted(steps, key=lambda s: s.value):
        save_with_history(
            ScaleStep(scale=scale, value=step.value, label=step.label.strip(), agrees=step.agrees),
            by=by,
        )
    return scale


@transaction.atomic
def default_scales(association: Association, by: User | None = None) -> list[Scale]:
    """The two common scales (four and five steps), created the first time they are asked
    for; a förbund that already has a scale of that name keeps its own."""
    scales = []
    for name, steps in DEFAULT_SCALES.items():
        existing = Scale.objects.filter(association=association, name=name).first()
        scales.append(
            existing or scale_create(association=association, by=by, name=name, steps=steps)
        )
    return scales


# Questionnaires and statements


def _answered(questionnaire: Questionnaire) -> bool:
    return SurveyAnswer.objects.filter(statement__questionnaire=questionnaire).exists()


def _check_scale(association: Association, scale: Scale) -> None:
    if scale.association_id != association.pk:
        raise ValidationError({"scale": "Skalan hör till ett annat förbund."})


@transaction.atomic
def questionnaire_create(
    *,
    association: Association,
    by: User,
    name: str,
    audience: str,
    scale: Scale,
    introduction: str = "",
) -> Questionnaire:
    """A new questionnaire, without statements yet."""
    _check_scale(association, scale)
    questionnaire = Questionnaire(
        association=association,
        name=name.strip(),
        audience=Audience(audience),
        scale=scale,
        introduction=introduction.strip(),
    )
    save_with_history(questionnaire, by=by)
    return questionnaire


@transaction.atomic
def questionnaire_update(*, questionnaire: Questionnaire, by: User, **fields: Any) -> Questionnaire:
    """Change the name, audience, introduction or (until anyone has answered) the scale."""
    current = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    if "scale" in fields:
        _check_scale(current.association, fields["scale"])
        if fields["scale"].pk != current.scale_id and _answered(current):
            raise ValidationError(
                {
                    "scale": "Enkäten har redan svar och svaren gäller den skala den har. "
                    "Bygg en ny enkät om du vill använda en annan skala."
                }
            )
    for name in ("name", "introduction"):
        if name in fields:
            fields[name] = fields[name].strip()
    changed = apply_changes(current, fields)
    if changed:
        save_with_history(current, by=by, update_fields=changed)
    questionnaire.__dict__.update(current.__dict__)
    return current


@transaction.atomic
def statement_add(*, questionnaire: Questionnaire, by: User, text: str) -> Statement:
    """A statement last in the questionnaire."""
    Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    last = questionnaire.statements.aggregate(last=Max("position"))["last"] or 0
    statement = Statement(questionnaire=questionnaire, position=last + 1, text=text.strip())
    save_with_history(statement, by=by)
    return statement


@transaction.atomic
def statement_update(*, statement: Statement, by: User, text: str) -> Statement:
    """Correct a statement's wording (its answers stay with it)."""
    text = text.strip()
    if statement.text != text:
        statement.text = text
        save_with_history(statement, by=by, update_fields=["text"])
    return statement


def _renumber(ordered: list[Statement], by: User) -> None:
    for position, statement in enumerate(ordered, start=1):
        if statement.position != position:
            statement.position = position
            save_with_history(statement, by=by, update_fields=["position"])


@transaction.atomic
def statement_move(*, statement: Statement, by: User, direction: str) -> Statement:
    """Move a statement one place up or down."""
    if direction not in ("up", "down"):
        raise ValidationError("Ett påstående kan bara flyttas upp eller ned.")
    Questionnaire.objects.select_for_update().get(pk=statement.questionnaire_id)
    ordered = list(Statement.objects.filter(questionnaire_id=statement.questionnaire_id))
    index = next(i for i, s in enumerate(ordered) if s.pk == statement.pk)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
        _renumber(ordered, by)
    return next(s for s in ordered if s.pk == statement.pk)


@transaction.atomic
def statement_remove(*, statement: Statement, by: User) -> None:
    """Take away a statement nobody has answered yet."""
    Questionnaire.objects.select_for_update().get(pk=statement.questionnaire_id)
    if statement.answers.exists():
        raise ValidationError(
            f"”{statement.text}” har besvarats och kan inte tas bort, eftersom svaren hör till "
            "det. Ändra texten om den är fel, eller bygg en ny enkät utan påståendet."
        )
    questionnaire_id = statement.questionnaire_id
    delete_with_history(statement, by=by)
    _renumber(list(Statement.objects.filter(questionnaire_id=questionnaire_id)), by)


# Rounds


def is_open(round: SurveyRound, today: datetime.date) -> bool:
    return round.opens_on <= today <= round.closes_on


def default_title(
    questionnaire: Questionnaire, intervention: Intervention | None, year: int
) -> str:
    where = intervention.name if intervention is not None else "hela förbundet"
    return f"{questionnaire.name}, {where} {year}"[:200]


@transaction.atomic
def round_open(
    *,
    association: Association,
    by: User,
    questionnaire: Questionnaire,
    intervention: Intervention | None,
    year: int,
    opens_on: datetime.date,
    closes_on: datetime.date,
    title: str = "",
    expected_respondents: int | None = None,
) -> SurveyRound:
    """A round of the questionnaire for an insats (or the whole förbund) and a year."""
    if questionnaire.association_id != association.pk:
        raise ValidationError({"questionnaire": "Enkäten hör till ett annat förbund."})
    if intervention is not None and intervention.association_id != association.pk:
        raise ValidationError({"intervention": "Insatsen hör till ett annat förbund."})
    if not questionnaire.statements.exists():
        raise ValidationError(
            {"questionnaire": "Enkäten har inga påståenden ännu. Lägg till dem först."}
        )
    if closes_on < opens_on:
        raise ValidationError(
            {"closes_on": "Sista svarsdagen kan inte vara före dagen då enkäten öppnar."}
        )
    survey_round = SurveyRound(
        association=association,
        questionnaire=questionnaire,
        intervention=intervention,
        year=year,
        title=title.strip() or default_title(questionnaire, intervention, year),
        opens_on=opens_on,
        closes_on=closes_on,
        expected_respondents=expected_respondents,
    )
    save_with_history(survey_round, by=by)
    return survey_round


@transaction.atomic
def round_set_expected(*, round: SurveyRound, by: User, expected_respondents: int) -> SurveyRound:
    """How many the round expects to answer; the link takes that and a margin."""
    current = SurveyRound.objects.select_for_update().get(pk=round.pk)
    current.expected_respondents = expected_respondents
    save_with_history(current, by=by, update_fields=["expected_respondents"])
    round.__dict__.update(current.__dict__)
    return current


def answer_cap(round: SurveyRound) -> int | None:
    """How many web answers the link takes: those expected and 10 % (at least 2) more, for
    the one who answers twice by mistake; None when the round has no expected number."""
    expected = round.expected_respondents
    if expected is None:
        return None
    return expected + max(2, math.ceil(expected / 10))


@transaction.atomic
def round_close(*, round: SurveyRound, by: User, today: datetime.date | None = None) -> SurveyRound:
    """Stop taking answers through the link from today on: the last day to answer becomes
    yesterday (a round that opened today or later gets yesterday as its only day)."""
    today = today or timezone.localdate()
    current = SurveyRound.objects.select_for_update().get(pk=round.pk)
    if current.closes_on < today:
        raise ValidationError("Omgången är redan stängd.")
    current.closes_on = today - datetime.timedelta(days=1)
    current.opens_on = min(current.opens_on, current.closes_on)
    save_with_history(current, by=by, update_fields=["opens_on", "closes_on"])
    round.__dict__.update(current.__dict__)
    return current


# Answers


def _check_values(round: SurveyRound, answers: Mapping[int, int | None]) -> dict[int, int | None]:
    """Every statement of the questionnaire with its value (None: skipped)."""
    statements = set(
        Statement.objects.filter(questionnaire_id=round.questionnaire_id).values_list(
            "pk", flat=True
        )
    )
    unknown = set(answers) - statements
    if unknown:
        raise ValidationError("Svaret gäller ett påstående som inte finns i enkäten.")
    values = set(
        ScaleStep.objects.filter(scale__questionnaires=round.questionnaire_id).values_list(
            "value", flat=True
        )
    )
    if any(value is not None and value not in values for value in answers.values()):
        raise ValidationError("Ett svar finns inte på enkätens skala.")
    if all(value is None for value in answers.values()):
        raise ValidationError(
            "Du har inte svarat på något påstående. Välj ett svar på minst ett påstående."
        )
    return {pk: answers.get(pk) for pk in statements}


def _spend(round: SurveyRound, key: str) -> None:
    try:
        with transaction.atomic():
            UsedFormKey.objects.create(round=round, key=key)
    except IntegrityError:
        raise ValidationError(
            "Det här formuläret är redan skickat och svaret är sparat.", code=USED_KEY
        ) from None


def _address_hash(round: SurveyRound, address: str, window: int) -> str:
    message = f"{round.pk}:{window}:{address}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def _count_from_address(round: SurveyRound, address: str, now: datetime.datetime) -> int:
    """Count one more answer from `address` and return the answers from it in the current
    and the previous ten-minute window; older windows are forgotten."""
    window = int(now.timestamp()) // THROTTLE_WINDOW_SECONDS
    AnswerThrottle.objects.filter(window__lt=window - 1).delete()
    current, _ = AnswerThrottle.objects.get_or_create(
        round=round, address_hash=_address_hash(round, address, window), window=window
    )
    AnswerThrottle.objects.filter(pk=current.pk).update(count=F("count") + 1)
    hashes = [_address_hash(round, address, w) for w in (window - 1, window)]
    counted = AnswerThrottle.objects.filter(
        round=round, address_hash__in=hashes, window__gte=window - 1
    ).aggregate(total=Sum("count"))
    return counted["total"] or 0


def _check_link_limits(round: SurveyRound, address: str | None, now: datetime.datetime) -> None:
    cap = answer_cap(round)
    if cap is not None and round.responses.filter(on_paper=False).count() >= cap:
        raise AnswerRefused(REFUSED_FULL)
    if address and _count_from_address(round, address, now) > ANSWERS_PER_ADDRESS:
        raise AnswerRefused(REFUSED_RATE)


def answer_submit(
    *,
    round: SurveyRound,
    key: str | None,
    answers: Mapping[int, int | None],
    on_paper: bool = False,
    today: datetime.date | None = None,
    address: str | None = None,
) -> SurveyResponse:
    """Store one answer sheet: the values and whether it came on paper, nothing else.

    A web answer needs the form's key and is taken only while the round is open, within the
    round's cap and the limit per `address` (the client's, only hashed); a refused answer is
    counted on the round. A paper sheet typed in by the kansli may come after the last day
    (sheets arrive by post), but not before the round opened; its form carries a key too,
    against a double click."""
    today = today or timezone.localdate()
    if today < round.opens_on:
        raise ValidationError("Enkäten har inte öppnat än.")
    if not on_paper and today > round.closes_on:
        raise ValidationError("Enkäten är stängd och tar inte emot fler svar.")
    if not on_paper and not key:
        raise ValidationError("Formuläret saknar sin nyckel. Ladda om sidan och svara igen.")
    if key is not None and len(key) > KEY_LENGTH:
        raise ValidationError("Formulärets nyckel är felaktig. Ladda om sidan och svara igen.")
    values = _check_values(round, answers)
    try:
        with transaction.atomic():
            if key:
                _spend(round, key)
            # One answer at a time per round, so that the cap holds under concurrent answers.
            locked = SurveyRound.objects.select_for_update().get(pk=round.pk)
            if not on_paper:
                _check_link_limits(locked, address, timezone.now())
            response = SurveyResponse.objects.create(round=round, on_paper=on_paper)
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(response=response, statement_id=pk, value=value)
                for pk, value in values.items()
            )
    except AnswerRefused:
        # Outside the rolled-back block: the refusal itself is kept.
        SurveyRound.objects.filter(pk=round.pk).update(refused_answers=F("refused_answers") + 1)
        association_pages_changed(association_id=round.association_id)
        raise
    return response


def refused_answers(
    questionnaire_id: int, years: Sequence[int], intervention_ids: list[int] | None
) -> dict[int, int]:
    """Answers the links refused, per year, in the rounds `agree_share` reads. One query."""
    rounds = SurveyRound.objects.filter(questionnaire_id=questionnaire_id, year__in=years)
    if intervention_ids is not None:
        rounds = rounds.filter(intervention_id__in=intervention_ids)
    totals = rounds.values("year").annotate(refused=Sum("refused_answers"))
    return {row["year"]: row["refused"] or 0 for row in totals}


# Results


def percent(part: int, whole: int) -> Decimal | None:
    """`part` of `whole` in whole per cent (rounded half up), None when `whole` is 0."""
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class StepCount:
    step: ScaleStep
    count: int
    share: Decimal | None


@dataclass(frozen=True)
class StatementResult:
    statement: Statement
    answers: int  # the answers on the scale; skipped ones are not counted
    distribution: list[StepCount]
    agree: int
    agree_share: Decimal | None


def _tally(statements: Any, scope: Q) -> list[StatementResult]:
    """The results of `statements` (a Statement queryset) over the answers in `scope` (a
    filter on SurveyAnswer, written from the statement: answers__...): two queries."""
    steps = list(
        ScaleStep.objects.filter(scale__questionnaires__statements__in=statements)
        .distinct()
        .order_by("scale_id", "value")
    )
    by_scale: dict[int, list[ScaleStep]] = {}
    for step in steps:
        by_scale.setdefault(step.scale_id, []).append(step)
    values = sorted({step.value for step in steps})
    rows = (
        statements.annotate(
            scale_id=F("questionnaire__scale_id"),
            **{
                f"value_{value}": Count("answers", filter=scope & Q(answers__value=value))
                for value in values
            },
        )
        .select_related("questionnaire")
        .order_by("questionnaire__name", "questionnaire_id", "position", "pk")
    )
    results = []
    for statement in rows:
        counts = [
            (step, getattr(statement, f"value_{step.value}"))
            for step in by_scale.get(statement.scale_id, [])
        ]
        answers = sum(count for _, count in counts)
        agree = sum(count for step, count in counts if step.agrees)
        results.append(
            StatementResult(
                statement=statement,
                answers=answers,
                distribution=[
                    StepCount(step, count, percent(count, answers)) for step, count in counts
                ],
                agree=agree,
                agree_share=percent(agree, answers),
            )
        )
    return results


def results(round: SurveyRound) -> list[StatementResult]:
    """Per statement of the round's questionnaire: answers, distribution, share agreeing."""
    return _tally(
        Statement.objects.filter(questionnaire_id=round.questionnaire_id),
        Q(answers__response__round=round),
    )


def results_for(
    statement_ids: Iterable[int], year: int, intervention_ids: Iterable[int] | None = None
) -> list[StatementResult]:
    """The statements' results over the rounds of `year` (only those of the insatser in
    `intervention_ids`, unless it is None)."""
    scope = Q(answers__response__round__year=year)
    if intervention_ids is not None:
        scope &= Q(answers__response__round__intervention_id__in=intervention_ids)
    return _tally(Statement.objects.filter(pk__in=statement_ids), scope)


def agree_share(
    statement_id: int, year: int, intervention_ids: list[int] | None
) -> tuple[int, int]:
    """(agreeing answers, answers) to the statement in the rounds of `year`: those of the
    insatser in `intervention_ids`, or all the förbund's rounds of the statement's
    questionnaire when it is None. Skipped statements are not answers. One query."""
    answers = SurveyAnswer.objects.filter(
        statement_id=statement_id, value__isnull=False, response__round__year=year
    )
    if intervention_ids is not None:
        answers = answers.filter(response__round__intervention_id__in=intervention_ids)
    agreeing = ScaleStep.objects.filter(
        scale_id=OuterRef("statement__questionnaire__scale_id"),
        value=OuterRef("value"),
        agrees=True,
    )
    totals = answers.aggregate(answers=Count("pk"), agree=Count("pk", filter=Exists(agreeing)))
    return totals["agree"], totals["answers"]


SurveyKey = tuple[int, int, int | None]  # (statement or questionnaire, year, insats of the round)


def agree_share_table(statement_ids: Sequence[int]) -> dict[SurveyKey, tuple[int, int]]:
    """`agree_share` for every one of the statements, year and insats of the round at once:
    (agreeing, answers) by (statement, year, insats). One query, however many goals and
    years read it; `shares_from` sums a goal's scope out of it."""
    if not statement_ids:
        return {}
    agreeing = ScaleStep.objects.filter(
        scale_id=OuterRef("statement__questionnaire__scale_id"),
        value=OuterRef("value"),
        agrees=True,
    )
    rows = (
        SurveyAnswer.objects.filter(statement_id__in=statement_ids, value__isnull=False)
        .values("statement_id", "response__round__year", "response__round__intervention_id")
        .annotate(answers=Count("pk"), agree=Count("pk", filter=Exists(agreeing)))
        .order_by()
    )
    return {
        (
            row["statement_id"],
            row["response__round__year"],
            row["response__round__intervention_id"],
        ): (row["agree"], row["answers"])
        for row in rows
    }


def refused_table(questionnaire_ids: Sequence[int]) -> dict[SurveyKey, int]:
    """`refused_answers` for every one of the questionnaires by (questionnaire, year,
    insats of the round). One query."""
    if not questionnaire_ids:
        return {}
    rows = (
        SurveyRound.objects.filter(questionnaire_id__in=questionnaire_ids)
        .values("questionnaire_id", "year", "intervention_id")
        .annotate(refused=Sum("refused_answers"))
        .order_by()
    )
    return {
        (row["questionnaire_id"], row["year"], row["intervention_id"]): row["refused"] or 0
        for row in rows
    }


def shares_from(
    table: Mapping[SurveyKey, tuple[int, int]],
    statement_id: int,
    years: Sequence[int],
    intervention_ids: list[int] | None,
) -> dict[int, tuple[int, int]]:
    """What `agree_share` answers for each of `years`, summed out of `agree_share_table`."""
    wanted = set(years)
    found = {year: (0, 0) for year in years}
    for (statement, year, intervention), (agree, answers) in table.items():
        if statement != statement_id or year not in wanted:
            continue
        if intervention_ids is not None and intervention not in intervention_ids:
            continue
        found[year] = (found[year][0] + agree, found[year][1] + answers)
    return found


def refused_from(
    table: Mapping[SurveyKey, int],
    questionnaire_id: int,
    years: Sequence[int],
    intervention_ids: list[int] | None,
) -> dict[int, int]:
    """What `refused_answers` answers, summed out of `refused_table`."""
    wanted = set(years)
    found: dict[int, int] = {}
    for (questionnaire, year, intervention), refused in table.items():
        if questionnaire != questionnaire_id or year not in wanted:
            continue
        if intervention_ids is not None and intervention not in intervention_ids:
            continue
        found[year] = found.get(year, 0) + refused
    return found


# What readers outside the kansli see


@dataclass(frozen=True)
class PublishedResult:
    """A statement's result as a page shows it: a figure is None where it is hidden."""

    statement: Statement
    answers: int | None
    agree_share: Decimal | None
    distribution: list[tuple[ScaleStep, Cell, Decimal | None]]  # step, count, share
    too_few: bool = False


def _all_shown(result: StatementResult) -> PublishedResult:
    return PublishedResult(
        statement=result.statement,
        answers=result.answers,
        agree_share=result.agree_share,
        distribution=[(s.step, Cell(s.count, False), s.share) for s in result.distribution],
    )


def _suppressed(result: StatementResult, threshold: int) -> PublishedResult:
    if result.answers < threshold:
        return PublishedResult(result.statement, None, None, [], too_few=True)
    counts = [s.count for s in result.distribution]
    # Each statement is its own table: its number of answers is the row total, and no
    # column totals across statements are published.
    table = suppress_table([counts], threshold=threshold)
    hidden = [cell.hidden for cell in table.rows[0]]
    share_shown = not table.row_totals[0].hidden
    # The share agreeing publishes the sum of the agreeing steps (and so of the others):
    # a side of the scale with exactly one hidden count would give it away. Hide one more
    # count on that side, or the share when the side has no other step.
    for agrees in (True, False):
        side = [i for i, s in enumerate(result.distribution) if s.step.agrees == agrees]
        if sum(hidden[i] for i in side) != 1:
            continue
        visible = [i for i in side if not hidden[i]]
        if visible:
            hidden[min(visible, key=lambda i: (counts[i] == 0, counts[i], i))] = True
        else:
            share_shown = False
    return PublishedResult(
        statement=result.statement,
        answers=result.answers if not table.row_totals[0].hidden else None,
        agree_share=result.agree_share if share_shown else None,
        distribution=[
            (s.step, Cell(None, True), None)
            if is_hidden
            else (s.step, Cell(s.count, False), s.share)
            for s, is_hidden in zip(result.distribution, hidden, strict=True)
        ],
    )


def published(
    found: list[StatementResult], *, threshold: int, hide_small: bool
) -> list[PublishedResult]:
    """The results as a reader sees them. The kansli (`hide_small` False) sees every figure;
    others see no figures for a statement with fewer answers than `threshold`, and small
    counts of the distribution hidden with whatever else would give them away."""
    if not hide_small:
        return [_all_shown(result) for result in found]
    return [_suppressed(result, threshold) for result in found]


def agree_text(steps: Iterable[ScaleStep]) -> str:
    """The agreeing steps in words: ”Stämmer ganska bra” eller ”Stämmer helt”."""
    labels = [f"”{step.label}”" for step in steps if step.agrees]
    if len(labels) < 2:
        return "".join(labels)
    return f"{', '.join(labels[:-1])} eller {labels[-1]}"
