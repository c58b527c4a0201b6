from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import ImportFileForm, ScopedModelForm
from core.scope import Perm

from .importer import COLUMNS
from .models import ColumnMapping


class ImportForm(ImportFileForm):
    mapping = forms.ModelChoiceField(
        label=_("Column mapping"),
        queryset=ColumnMapping.objects.none(),
        required=False,
        empty_label=_("None: the file is in the canonical format"),
        help_text=_("A saved preset that adapts another system's export to the format below."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["mapping"].queryset = ColumnMapping.objects.visible_to(self.user, Perm.VIEW).filter(is_active=True)


def _lines(text: str) -> list[tuple[int, str]]:
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def parse_columns(text: str) -> dict[str, str]:
    """``canonical = the file's column`` per line."""
    columns: dict[str, str] = {}
    for number, line in _lines(text):
        canonical, sep, source = (part.strip() for part in line.partition("="))
        if not sep or not source:
            raise forms.ValidationError(gettext("Line %(n)d: write it as typ = Ärendetyp.") % {"n": number})
        if canonical not in COLUMNS:
            raise forms.ValidationError(
                gettext("Line %(n)d: %(name)s is not a column of the format.") % {"n": number, "name": canonical}
            )
        columns[canonical] = source
    return columns


def parse_values(text: str) -> dict[str, dict[str, str]]:
    """``column: the file's value = canonical value`` per line."""
    values: dict[str, dict[str, str]] = {}
    for number, line in _lines(text):
        column, sep, rest = (part.strip() for part in line.partition(":"))
        source, sep2, canonical = (part.strip() for part in rest.partition("="))
        if not sep or not sep2:
            raise forms.ValidationError(
                gettext("Line %(n)d: write it as typ: Barnavårdsutredning = utredning_barn.") % {"n": number}
            )
        if column not in COLUMNS:
            raise forms.ValidationError(
                gettext("Line %(n)d: %(name)s is not a column of the format.") % {"n": number, "name": column}
            )
        values.setdefault(column, {})[source] = canonical
    return values


class ColumnMappingForm(ScopedModelForm):
    columns_text = forms.CharField(
        label=_("Columns"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_("One per line: the canonical column = the file's column, e.g. arende_id = Ärendenummer."),
    )
    values_text = forms.CharField(
        label=_("Values"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_(
            "One per line: column: the file's value = the canonical value, e.g. typ: Barnavårdsutredning = "
            "utredning_barn."
        ),
    )

    class Meta:
        model = ColumnMapping
        fields = ["name", "unit", "is_active"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["columns_text"].initial = "\n".join(f"{k} = {v}" for k, v in self.instance.columns.items())
            self.fields["values_text"].initial = "\n".join(
                f"{column}: {k} = {v}" for column, pairs in self.instance.values.items() for k, v in pairs.items()
            )

    def clean_columns_text(self) -> dict[str, str]:
        return parse_columns(self.cleaned_data["columns_text"])

    def clean_values_text(self) -> dict[str, dict[str, str]]:
        return parse_values(self.cleaned_data["values_text"])

    def save(self, commit: bool = True) -> ColumnMapping:
        self.instance.columns = self.cleaned_data["columns_text"]
        self.instance.values = self.cleaned_data["values_text"]
        return super().save(commit)
