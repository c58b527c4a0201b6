from django import forms

from core.forms import ScopedModelForm

from .models import Control, ControlRun, Review


class ControlForm(ScopedModelForm):
    class Meta:
        model = Control
        fields = [
            "title",
            "purpose",
            "method",
            "risk",
            "unit",
            "responsible",
            "cadence",
            "first_due_on",
            "plan",
            "is_active",
        ]
        widgets = {
            "first_due_on": forms.DateInput(),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "plan": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.narrow("risk", is_active=True)


class ControlRunForm(ScopedModelForm):
    class Meta:
        model = ControlRun
        fields = ["performed_on", "result", "numerator", "denominator", "verdict"]
        widgets = {
            "performed_on": forms.DateInput(),
            "result": forms.Textarea(attrs={"rows": 3}),
            "verdict": forms.RadioSelect,
        }


class ReviewForm(ScopedModelForm):
    class Meta:
        model = Review
        fields = [
            "kind",
            "title",
            "performed_by",
            "performed_on",
            "unit",
            "findings",
            "response",
            "reported_to_committee_on",
        ]
        widgets = {
            "performed_on": forms.DateInput(),
            "reported_to_committee_on": forms.DateInput(),
            "findings": forms.Textarea(attrs={"rows": 4}),
            "response": forms.Textarea(attrs={"rows": 4}),
        }
