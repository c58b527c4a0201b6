from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from core.forms import PersonnummerCheckMixin, ScopedModelForm

from .choices import PeriodScheme
from .models import FollowUpPoint, Period, Process, Routine, TargetGroup, Unit


class UnitForm(ScopedModelForm):
    class Meta:
        model = Unit
        fields = ["code", "name", "kind", "parent", "description", "is_active"]


class ProcessForm(ScopedModelForm):
    class Meta:
        model = Process
        fields = [
            "code",
            "name",
            "kind",
            "unit",
            "owner",
            "description",
            "target_groups",
            "established_on",
            "established_by",
            "next_review_on",
            "is_active",
        ]
        widgets = {
            "established_on": forms.DateInput(),
            "next_review_on": forms.DateInput(),
            "target_groups": forms.CheckboxSelectMultiple(),
        }


class TargetGroupForm(ScopedModelForm):
    class Meta:
        model = TargetGroup
        fields = ["name", "description", "is_active"]


class PeriodForm(ScopedModelForm):
    create_points = forms.BooleanField(
        label=_("Create the scheme's follow-up points"),
        required=False,
        initial=True,
        help_text=_("Cumulative from 1 January; adjust the dates afterwards if needed."),
    )

    class Meta:
        model = Period
        fields = ["year", "scheme"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["create_points"]
        self.fields["scheme"].initial = PeriodScheme.TERTIAL


class FollowUpPointForm(ScopedModelForm):
    class Meta:
        model = FollowUpPoint
        fields = ["code", "name", "starts_on", "ends_on", "report_due_on", "order"]
        widgets = {"starts_on": forms.DateInput(), "ends_on": forms.DateInput(), "report_due_on": forms.DateInput()}


ROUTINE_FILE_TYPES = ["pdf", "docx", "doc", "odt", "xlsx", "txt"]
ROUTINE_FILE_MAX_MB = 20


def check_routine_file(file) -> None:
    if file.size > ROUTINE_FILE_MAX_MB * 1024 * 1024:
        raise forms.ValidationError(
            _("The document is larger than %(max)d MB.") % {"max": ROUTINE_FILE_MAX_MB}, code="too_large"
        )


class VersionFields(PersonnummerCheckMixin, forms.Form):
    """What every version of a rutin holds: a text, an attached document or both, and who adopted it."""

    text = forms.CharField(label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 12}))
    file = forms.FileField(
        label=_("Document"),
        required=False,
        validators=[FileExtensionValidator(ROUTINE_FILE_TYPES), check_routine_file],
        help_text=_("PDF, Word, OpenDocument, Excel or text, at most 20 MB."),
    )
    adopted_by = forms.CharField(label=_("Adopted by"), max_length=200)
    adopted_on = forms.DateField(label=_("Adopted on"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        if not (data.get("text", "").strip() or data.get("file")) and "text" not in self.errors:
            self.add_error("text", _("Write the text of the routine or attach a document."))
        return data


class RoutineForm(VersionFields, ScopedModelForm):
    """A new rutin with its first version."""

    class Meta:
        model = Routine
        fields = ["process", "title", "unit", "owner", "legal_source"]


class RoutineEditForm(ScopedModelForm):
    class Meta:
        model = Routine
        fields = ["process", "title", "unit", "owner", "legal_source", "is_active"]


class RoutineVersionForm(VersionFields):
    next_review_on = forms.DateField(
        label=_("Next review"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Left empty: twelve months after adoption."),
    )
