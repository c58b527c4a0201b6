from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from core.forms import ScopedModelForm

from .choices import Role
from .models import Membership, User


class MembershipForm(ScopedModelForm):
    class Meta:
        model = Membership
        fields = ["user", "unit", "role", "valid_from", "valid_to", "note"]
        widgets = {"valid_from": forms.DateInput(), "valid_to": forms.DateInput()}


class MembershipEndForm(ScopedModelForm):
    """Ending a membership: only the end date and a note; the rest stays as it was."""

    class Meta:
        model = Membership
        fields = ["valid_to", "note"]
        widgets = {"valid_to": forms.DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["valid_to"].required = True


class PersonForm(ScopedModelForm):
    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "title", "is_active"]


class PersonCreateForm(PersonForm):
    """A new person, with a first role at a unit (which places them in the organisation) and a start password."""

    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEDARBETARE)
    password = forms.CharField(
        label=_("Start password"),
        widget=forms.PasswordInput(render_value=False),
        strip=False,
        help_text=_("At least 12 characters. The person changes it after signing in."),
    )

    class Meta(PersonForm.Meta):
        fields = ["username", "first_name", "last_name", "email", "title"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from core.scope import Perm, units_where

        self.fields["unit"].queryset = units_where(self.user, Perm.CHANGE, Membership)

    def clean_password(self):
        password = self.cleaned_data["password"]
        password_validation.validate_password(password, self.instance)
        return password
