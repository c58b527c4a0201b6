from __future__ import annotations

import re
from typing import Any

import docx
from django import forms
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.forms import PersonnummerCheckMixin, ScopedModelForm
from core.scope import Perm, units_where
from organisation.models import FollowUpPoint

from .choices import ReportKind
from .models import OutlineSection, ReportVersion, WordTemplate


class DocumentForm(forms.Form):
    """Which document: kind, year, follow-up point (none = the whole year) and unit subtree."""

    kind = forms.ChoiceField(label=_("Document"), choices=ReportKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    period = forms.ChoiceField(label=_("Follow-up point"), required=False)
    unit = forms.ModelChoiceField(label=_("Unit (including its sub-units)"), queryset=None)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_where(user, Perm.VIEW, ReportVersion).order_by("path")
        codes = sorted(set(FollowUpPoint.objects.values_list("code", flat=True)))
        self.fields["period"].choices = [("", _("The whole year"))] + [(c, c) for c in codes]
        self.fields["year"].initial = timezone.localdate().year


class FrontForm(PersonnummerCheckMixin, forms.Form):
    """The tjänsteskrivelse's own details: who handles the ärende and how to reach them, its beteckning and date,
    who signs it and which bilagor go with it. Stored per document, period and unit like the section texts."""

    handlaggare = forms.CharField(label=_("Case officer (handläggare)"), required=False, max_length=200)
    telefon = forms.CharField(label=_("Case officer's phone"), required=False, max_length=50)
    diarienummer = forms.CharField(label=_("Case reference (ärendebeteckning)"), required=False, max_length=100)
    datum = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Left empty: the day the document is generated."),
    )
    underskrifter = forms.CharField(
        label=_("Signatures"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: name and title, e.g. “Anna Andersson, förvaltningschef”."),
    )
    bilagor = forms.CharField(
        label=_("Attachments"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line. Left empty: the document's own appendices."),
    )

    def clean(self):
        cleaned = super().clean()
        for name in ("underskrifter", "bilagor"):
            if name in cleaned:
                cleaned[name] = cleaned[name].replace("\r\n", "\n").replace("\r", "\n")
        return cleaned


class NarrativeForm(PersonnummerCheckMixin, forms.Form):
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        help_text=_("Separate paragraphs with an empty line. An empty text leaves the section without text."),
    )

    def clean_text(self) -> str:
        # Browsers send a textarea's line breaks as CRLF; the text is kept with plain newlines.
        return self.cleaned_data["text"].replace("\r\n", "\n").replace("\r", "\n")


class WordTemplateForm(ScopedModelForm):
    class Meta:
        model = WordTemplate
        fields = ["name", "unit", "file", "is_active"]

    def clean_file(self):
        """A template must open as Word and hold the content placeholder, or every document made from it
        would lack its content."""
        upload = self.cleaned_data["file"]
        if upload and hasattr(upload, "read"):
            try:
                document = docx.Document(upload)
            except Exception as error:  # python-docx raises several kinds for a file that is not Word
                raise forms.ValidationError(_("The file is not a Word document (.docx).")) from error
            finally:
                upload.seek(0)
            texts = [p.text for p in document.paragraphs]
            if not any(re.search(r"\{\{p\s*innehall\s*\}\}", t) for t in texts):
                raise forms.ValidationError(
                    _("The template lacks the placeholder {{p innehall }} (alone in a paragraph) for the content.")
                )
        return upload


class GenerateForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Word template"),
        queryset=WordTemplate.objects.none(),
        required=False,
        empty_label=_("The default template"),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = WordTemplate.objects.visible_to(user).filter(is_active=True)


class OutlineSectionForm(PersonnummerCheckMixin, forms.ModelForm):
    """One section of an outline, as the kvalitetsutvecklare changes it: a new one gets its key from its heading."""

    block = forms.ChoiceField(label=_("data block"), required=False)

    class Meta:
        model = OutlineSection
        fields = [
            "position",
            "level",
            "heading",
            "key",
            "block",
            "writes",
            "text",
            "when_empty",
            "empty_text",
            "is_active",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "position": forms.NumberInput(attrs={"min": 0})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from .catalogue import choices

        self.fields["block"].choices = choices()
        self.fields["key"].required = False
        self.fields["key"].help_text = _("Where the section's text is kept; made from the heading when left empty.")
        if self.instance.pk:
            # Written texts are kept under the key: changing it would leave them behind.
            self.fields["key"].disabled = True

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("key") and cleaned.get("heading"):
            cleaned["key"] = slugify(cleaned["heading"]).replace("-", "_")[:60] or "avsnitt"
        return cleaned


class BaseOutlineSectionFormSet(forms.BaseModelFormSet):
    def clean(self) -> None:
        super().clean()
        seen: set[str] = set()
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            key = form.cleaned_data.get("key")
            if key in seen:
                form.add_error(
                    "heading", _("Two sections have the key “%(key)s”; give this one another heading.") % {"key": key}
                )
            seen.add(key)


OutlineSectionFormSet = forms.modelformset_factory(
    OutlineSection, form=OutlineSectionForm, formset=BaseOutlineSectionFormSet, extra=2, can_delete=False
)
