"""The base model form: its relation fields offer only what the user's scope allows."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import FileExtensionValidator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import textgate
from .scope import Perm, relation_choices


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
    """A ModelForm whose relation fields (units, people, linked records) offer only what the user's scope allows:
    :func:`core.scope.relation_choices`, the rule the API's serializers share. A form narrows these further
    with :meth:`narrow`, never by replacing them."""

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        model = self._meta.model
        relations = {f.name for f in model._meta.get_fields() if f.is_relation and f.concrete}
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField) and name in relations:
                self.narrow(name)
        for field in self.fields.values():
            if isinstance(field.widget, forms.DateInput):
                field.widget.input_type = "date"
                field.widget.format = "%Y-%m-%d"

    def narrow(self, name: str, *conditions: Q, **filters: Any) -> None:
        """Offer in relation field ``name`` only what the scope allows and ``conditions`` match (active ones), besides
        what the record already holds."""
        perm = Perm.CHANGE if self.instance.pk else Perm.CREATE
        where = Q(*conditions, **filters) if conditions or filters else None
        choices = relation_choices(self.user, self._meta.model, name, perm, self.instance, where)
        self.fields[name].queryset = choices


class TransitionForm(PersonnummerCheckMixin, forms.Form):
    """Move a record to one of the states its workflow allows now, with a note for the history."""

    status = forms.ChoiceField(label=_("New status"))
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, record: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(value, record.status_label(value)) for value in record.allowed_transitions()]


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
