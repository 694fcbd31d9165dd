"""Every write to the goals the follow-up measures: binding an insats's goal (from its
application) or one of the förbund's own goals to a measure and a comparison, changing how it
is measured, and unbinding it. How the goals are judged is in `followup/goal_fulfilment.py`."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from samordna.accounts.models import User
from samordna.associations.models import Association
from samordna.core.services import apply_changes, delete_with_history, save_with_history
from samordna.followup.goal_fulfilment import SHARES, followed_goals
from samordna.followup.models import Comparison, Measure, MeasuredGoal, Statement
from samordna.interventions.models import ApplicationGoal


def _checked(association: Association, fields: Mapping[str, Any]) -> dict[str, Any]:
    """The fields as they will be saved, or a ValidationError in Swedish at the fields."""
    measure = fields.get("measure") or ""
    comparison = fields.get("comparison") or ""
    statement: Statement | None = fields.get("statement")
    threshold: int | None = fields.get("threshold")
    errors: dict[str, str] = {}
    if measure not in Measure.values:
        errors["measure"] = "Välj vad målet mäts som."
    if comparison not in Comparison.values:
        errors["comparison"] = "Välj vad siffran jämförs med."
    if measure == Measure.AGREE:
        if statement is None:
            errors["statement"] = "Välj vilket påstående i förbundets enkäter målet mäts med."
        elif statement.questionnaire.association_id != association.pk:
            errors["statement"] = "Påståendet hör inte till förbundets enkäter."
    else:
        statement = None
    if comparison == Comparison.AT_LEAST:
        if threshold is None:
            errors["threshold"] = "Ange gränsen som siffran ska nå."
        elif threshold < 0:
            errors["threshold"] = "Gränsen kan inte vara negativ."
        elif measure in SHARES and threshold > 100:
            errors["threshold"] = "Gränsen är en andel i procent och kan vara högst 100."
    else:
        threshold = None
    if errors:
        raise ValidationError(errors)
    return {
        "measure": measure,
        "comparison": comparison,
        "statement": statement,
        "threshold": threshold,
    }


@transaction.atomic
def goal_bind(
    *,
    association: Association,
    by: User,
    measure: str,
    comparison: str,
    application_goal: ApplicationGoal | None = None,
    text: str = "",
    statement: Statement | None = None,
    threshold: int | None = None,
) -> MeasuredGoal:
    """Bind an insats's goal (from its application) or a new goal of the förbund to a measure."""
    fields = _checked(
        association,
        {
            "measure": measure,
            "comparison": comparison,
            "statement": statement,
            "threshold": threshold,
        },
    )
    text = (text or "").strip()
    if application_goal is not None:
        if not followed_goals(association).filter(pk=application_goal.pk).exists():
            raise ValidationError("Bara mål i förbundets beviljade ansökningar kan följas upp.")
        if MeasuredGoal.objects.filter(application_goal=application_goal).exists():
            raise ValidationError(
                "Målet är redan kopplat till ett mått. Ändra kopplingen i stället."
            )
        text = ""
    elif not text:
        raise ValidationError({"text": "Skriv förbundets mål."})
    goal = MeasuredGoal(
        association=association, application_goal=application_goal, text=text, **fields
    )
    save_with_history(goal, by=by)
    return goal


@transaction.atomic
def goal_update(
    *,
    goal: MeasuredGoal,
    by: User,
    measure: str,
    comparison: str,
    text: str | None = None,
    statement: Statement | None = None,
    threshold: int | None = None,
) -> MeasuredGoal:
    """Change how a goal is measured (and the wording of a förbund goal)."""
    fields = _checked(
        goal.association,
        {
            "measure": measure,
            "comparison": comparison,
            "statement": statement,
            "threshold": threshold,
        },
    )
    if goal.application_goal_id is None and text is not None:
        if not text.strip():
            raise ValidationError({"text": "Skriv förbundets mål."})
        fields["text"] = text.strip()
    names = apply_changes(goal, fields)
    if names:
        save_with_history(goal, by=by, update_fields=names)
    return goal


@transaction.atomic
def goal_unbind(*, goal: MeasuredGoal, by: User) -> None:
    """Stop measuring a goal: a förbund goal is removed, an insats's goal stays in its
    application without a measure."""
    delete_with_history(goal, by=by)
