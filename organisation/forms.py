import io

from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _
from fontTools.ttLib import TTFont
from PIL import Image

from core import formatting
from core.forms import PersonnummerCheckMixin, ScopedModelForm

from . import rules
from .choices import PeriodScheme
from .models import FollowUpPoint, GraphicProfile, Period, Process, Routine, TargetGroup, Unit, colour_validator


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


LOGO_MAX_KB = 500
FONT_MAX_MB = 2
SWEDISH_LETTERS = "åäöÅÄÖé"


class GraphicProfileForm(ScopedModelForm):
    """The graphic profile: colours checked for contrast, a logo (PNG or JPEG) and a font file (TTF or OTF) read
    and checked before they are stored; an upload that is not what it claims is refused, naming the field."""

    logo_file = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("PNG or JPEG, at most %(max)d kB. Printed on the cover and in the header of every page.")
        % {"max": LOGO_MAX_KB},
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)
    font_file = forms.FileField(
        label=_("Font file"),
        required=False,
        help_text=_(
            "TrueType or OpenType (.ttf, .otf), at most %(max)d MB, with å, ä and ö. Embedded in the PDF; Word uses "
            "the font by name where it is installed."
        )
        % {"max": FONT_MAX_MB},
    )
    remove_font = forms.BooleanField(label=_("Use the standard font again"), required=False)

    class Meta:
        model = GraphicProfile
        fields = ["primary_colour", "accent_colour"]
        widgets = {
            "primary_colour": forms.TextInput(attrs={"type": "color"}),
            "accent_colour": forms.TextInput(attrs={"type": "color"}),
        }
        help_texts = {
            "primary_colour": _("Headings and the title. Must stand out against white (contrast at least 4.5:1)."),
            "accent_colour": _("Behind the header row of tables, under black text (contrast at least 4.5:1)."),
        }

    def _colour(self, name: str, against: str, message) -> str:
        """The colour of field ``name``, refused with ``message`` when its contrast against ``against`` is short."""
        colour = self.cleaned_data[name].lower()
        colour_validator(colour)  # before the contrast is computed (the model's validators run later)
        ratio = rules.contrast_ratio(colour, against)
        if ratio < rules.MINIMUM_CONTRAST:
            raise forms.ValidationError(message % {"ratio": formatting.number(ratio, 1)}, code="contrast")
        return colour

    def clean_primary_colour(self) -> str:
        return self._colour(
            "primary_colour",
            "#ffffff",
            _("The colour is too light against white: contrast %(ratio)s:1, at least 4.5:1 is needed."),
        )

    def clean_accent_colour(self) -> str:
        return self._colour(
            "accent_colour",
            "#111111",  # the documents' text colour
            _("The colour is too dark under black text: contrast %(ratio)s:1, at least 4.5:1 is needed."),
        )

    def clean_logo_file(self):
        upload = self.cleaned_data.get("logo_file")
        if not upload:
            return None
        if upload.size > LOGO_MAX_KB * 1024:
            raise forms.ValidationError(
                _("The logo is larger than %(max)d kB.") % {"max": LOGO_MAX_KB}, code="too_large"
            )
        data = upload.read()
        try:
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
                kind = image.format
        except Exception:
            raise forms.ValidationError(_("The logo is not a picture that can be read."), code="unreadable") from None
        if kind not in LOGO_FORMATS:
            raise forms.ValidationError(_("The logo must be a PNG or JPEG picture."), code="format")
        return data, LOGO_FORMATS[kind]

    def clean_font_file(self):
        upload = self.cleaned_data.get("font_file")
        if not upload:
            return None
        if upload.size > FONT_MAX_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("The font file is larger than %(max)d MB.") % {"max": FONT_MAX_MB}, code="too_large"
            )
        data = upload.read()
        try:
            font = TTFont(io.BytesIO(data), lazy=False)
            family = font["name"].getBestFamilyName() or ""
            characters = font.getBestCmap() or {}
        except Exception:
            raise forms.ValidationError(
                _("The font file is not a TrueType or OpenType font that can be read."), code="unreadable"
            ) from None
        missing = [letter for letter in SWEDISH_LETTERS if ord(letter) not in characters]
        if missing:
            raise forms.ValidationError(
                _("The font lacks the letters %(letters)s.") % {"letters": " ".join(missing)}, code="letters"
            )
        family = " ".join(family.replace('"', "").replace("\\", "").split())[:100]
        if not family:
            raise forms.ValidationError(_("The font file does not name its font family."), code="unnamed")
        return data, family

    def save(self, commit: bool = True) -> GraphicProfile:
        profile = super().save(commit=False)
        if self.cleaned_data.get("remove_logo"):
            profile.logo, profile.logo_type = b"", ""
        if logo := self.cleaned_data.get("logo_file"):
            profile.logo, profile.logo_type = logo
        if self.cleaned_data.get("remove_font"):
            profile.font, profile.font_family = b"", GraphicProfile.DEFAULT_FONT
        if font := self.cleaned_data.get("font_file"):
            profile.font, profile.font_family = font
        if commit:
            profile.save()
        return profile


LOGO_FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}
