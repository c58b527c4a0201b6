from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import ScopedModelForm
from organisation.models import FollowUpPoint

from .models import Action


class FollowUpPointMixin(forms.Form):
    """Which follow-up point (T1, T2, VB …) the follow-up and effect written in the form belong to."""

    point = forms.ModelChoiceField(
        label=_("Follow-up point"),
        queryset=FollowUpPoint.objects.none(),
        required=False,
        help_text=_("The follow-up and effect are kept per follow-up point. Left empty: the current point."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        year = timezone.localdate().year
        self.fields["point"].queryset = FollowUpPoint.objects.filter(
            period__year__range=(year - 1, year + 1)
        ).select_related("period")
        self.fields["point"].initial = FollowUpPoint.reported_at(timezone.localdate())

    def save(self, commit: bool = True):
        self.instance._follow_up_point = self.cleaned_data.get("point")
        return super().save(commit)


class ActionForm(FollowUpPointMixin, ScopedModelForm):
    class Meta:
        model = Action
        fields = ["title", "description", "unit", "responsible", "due_on", "follow_up", "effect"]
        widgets = {"due_on": forms.DateInput(), "description": forms.Textarea(attrs={"rows": 3})}


class ActionFollowUpForm(FollowUpPointMixin, ScopedModelForm):
    """What the responsible person may change on their own åtgärd: the follow-up and its effect."""

    class Meta:
        model = Action
        fields = ["follow_up", "effect"]
