from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ScopedModelForm

from . import rules
from .models import Risk


def _scale_choices():
    return [(n, str(n)) for n in range(1, rules.scale() + 1)]


class RiskForm(ScopedModelForm):
    """A new risk with its first assessment."""

    probability = forms.TypedChoiceField(label=_("Probability"), coerce=int, choices=_scale_choices)
    consequence = forms.TypedChoiceField(label=_("Consequence"), coerce=int, choices=_scale_choices)

    class Meta:
        model = Risk
        fields = ["title", "description", "area", "process", "unit", "owner", "probability", "consequence", "comment"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3}), "comment": forms.Textarea(attrs={"rows": 2})}


class RiskEditForm(RiskForm):
    """Editing a risk's description; its level changes only through a new assessment (kept in the history)."""

    class Meta(RiskForm.Meta):
        fields = ["title", "description", "area", "process", "unit", "owner", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["probability"], self.fields["consequence"]


class ReassessForm(forms.Form):
    probability = forms.TypedChoiceField(label=_("Probability"), coerce=int, choices=_scale_choices)
    consequence = forms.TypedChoiceField(label=_("Consequence"), coerce=int, choices=_scale_choices)
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
