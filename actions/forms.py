from django import forms

from core.forms import ScopedModelForm, people_in_scope

from .models import Action


class ActionForm(ScopedModelForm):
    class Meta:
        model = Action
        fields = ["title", "description", "unit", "responsible", "due_on", "follow_up", "effect"]
        widgets = {"due_on": forms.DateInput(), "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = people_in_scope(self.user, Action)


class ActionFollowUpForm(ScopedModelForm):
    """What the responsible person may change on their own åtgärd: the follow-up and its effect."""

    class Meta:
        model = Action
        fields = ["follow_up", "effect"]
