from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PersonnummerCheckMixin, ScopedModelForm
from organisation.models import FollowUpPoint

from . import rules
from .choices import Assessment
from .models import FollowUpRound, Goal, GoalReport


class GoalForm(ScopedModelForm):
    class Meta:
        model = Goal
        fields = [
            "year",
            "kind",
            "parent",
            "title",
            "description",
            "quality_area",
            "responsible",
            "unit",
            "units",
            "indicators",
            "order",
        ]
        widgets = {"units": forms.CheckboxSelectMultiple, "indicators": forms.SelectMultiple(attrs={"size": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.narrow("units", is_active=True, parent__isnull=False)
        self.fields["units"].queryset = self.fields["units"].queryset.order_by("path")
        self.fields["parent"].queryset = self.fields["parent"].queryset.order_by("-year", "order", "title")


class RoundForm(ScopedModelForm):
    class Meta:
        model = FollowUpRound
        fields = ["point", "unit", "deadline"]
        widgets = {"deadline": forms.DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["point"].queryset = FollowUpPoint.objects.select_related("period").order_by("-ends_on")


class ReportForm(PersonnummerCheckMixin, forms.ModelForm):
    """The bedömning of one goal for one unit: the assessment with samlad bedömning, orsak and åtgärd."""

    class Meta:
        model = GoalReport
        fields = ["assessment", "overall", "cause", "action", "comment"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in ("overall", "cause", "action", "comment")}
        labels = {"overall": _("Overall assessment (samlad bedömning)"), "cause": _("Cause"), "action": _("Action")}

    def __init__(self, *args, goal: Goal, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = rules.assessments_for(goal.kind)
        # No assessment is chosen in advance: the suggestion is shown beside the field, the person decides.
        self.fields["assessment"].choices = [("", "---------"), *((a, Assessment(a).label) for a in allowed)]


class CorrectionForm(ReportForm):
    reason = forms.CharField(label=_("Why is the report corrected?"), widget=forms.Textarea(attrs={"rows": 2}))
