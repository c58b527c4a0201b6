"""The base model form: offers only the units where the user may make the change."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from . import textgate
from .scope import Perm, units_where


class PersonnummerCheckMixin:
    """Refuses, naming the field, any text that the text gate refuses: a personnummer or a control character
    (``core.textgate``); nothing is saved."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            refused = textgate.problem(value) if isinstance(value, str) else None
            if refused:
                self.add_error(name, refused)
        return cleaned


class ScopedModelForm(PersonnummerCheckMixin, forms.ModelForm):
    """A ModelForm whose unit fields (``scope_fields``) list only units in the user's change scope."""

    scope_fields: tuple[str, ...] = ("unit",)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        perm = Perm.CHANGE if self.instance.pk else Perm.CREATE
        allowed = units_where(user, perm, self._meta.model)
        for name in self.scope_fields:
            if name in self.fields:
                self.fields[name].queryset = allowed
        for field in self.fields.values():
            if isinstance(field.widget, forms.DateInput):
                field.widget.input_type = "date"
                field.widget.format = "%Y-%m-%d"


class TransitionForm(PersonnummerCheckMixin, forms.Form):
    """Move a record to one of the states its workflow allows now, with a note for the history."""

    status = forms.ChoiceField(label=_("New status"))
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, record: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(value, record.status_label(value)) for value in record.allowed_transitions()]


def people_in_scope(user: Any, model: type) -> Any:
    """People with a current role at a unit where ``user`` may change ``model`` records (choices for 'responsible')."""
    from accounts.models import Membership, User

    units = units_where(user, Perm.CHANGE, model)
    return User.objects.filter(
        is_active=True, pk__in=Membership.objects.active().filter(unit__in=units).values("user")
    ).order_by("last_name", "first_name")


class StatisticsForm(forms.Form):
    """The period and part of the organisation a statistics page covers (default: this year so far)."""

    date_from = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    unit = forms.ModelChoiceField(label=_("Unit (including its sub-units)"), queryset=None, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from organisation.models import Unit

        self.fields["unit"].queryset = Unit.objects.filter(is_active=True)

    def period(self) -> tuple[Any, Any, Any]:
        import datetime as dt

        from django.utils import timezone

        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        start = data.get("date_from") or dt.date(today.year, 1, 1)
        end = data.get("date_to") or today
        return start, end, data.get("unit")


class ImportFileForm(forms.Form):
    """The file field every import page shares; an import page adds its own fields to a subclass."""

    file = forms.FileField(
        label=_("File"),
        validators=[FileExtensionValidator(["csv", "xlsx"])],
        help_text=_("CSV (separated by ; or ,) or XLSX with a header row, in the format described below."),
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)
