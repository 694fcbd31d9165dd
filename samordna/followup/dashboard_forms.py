"""The form that binds a goal to a measure; the rules are in `goals`."""

from django import forms

from samordna.associations.models import Association
from samordna.core.forms import ServiceModelForm
from samordna.followup.models import MeasuredGoal, Statement


class StatementChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Statement) -> str:
        return f"{obj.questionnaire.name}: {obj.text}"


class GoalForm(ServiceModelForm):
    """A förbund goal (with its wording) or an insats's goal (`own_goal=False`)."""

    class Meta:
        model = MeasuredGoal
        fields = ["text", "measure", "statement", "comparison", "threshold"]
        field_classes = {"statement": StatementChoice}
        labels = {"text": "Förbundets mål"}
        help_texts = {
            "statement": "Behövs när målet mäts som andel som instämmer.",
            "threshold": "Behövs för jämförelsen Minst: procent (0–100) för andelar, "
            "antal för antal.",
        }

    def __init__(self, *args, association: Association, own_goal: bool, **kwargs):
        super().__init__(*args, **kwargs)
        statement = self.fields["statement"]
        assert isinstance(statement, forms.ModelChoiceField)
        statement.queryset = Statement.objects.filter(
            questionnaire__association=association
        ).select_related("questionnaire")
        if own_goal:
            self.fields["text"].required = True
        else:
            del self.fields["text"]
        self.apply_styles()
