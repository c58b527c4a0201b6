import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import ScopedModelForm

from .choices import DeviationKind
from .models import Deviation, RootCause, TargetTime


class ReportForm(ScopedModelForm):
    """Reporting an avvikelse: what a medarbetare fills in, from a phone, in a minute."""

    class Meta:
        model = Deviation
        fields = [
            "unit",
            "kind",
            "lex_sarah_type",
            "private_provider",
            "occurred_at",
            "location",
            "description",
            "immediate_actions",
        ]
        widgets = {
            "occurred_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "description": forms.Textarea(attrs={"rows": 4}),
            "immediate_actions": forms.Textarea(attrs={"rows": 2}),
            "kind": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurred_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        units = self.fields["unit"].queryset
        if units.count() >= 1 and not self.initial.get("unit"):
            self.initial["unit"] = units.order_by("-depth").first().pk

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == DeviationKind.LEX_SARAH and not cleaned.get("lex_sarah_type"):
            self.add_error("lex_sarah_type", _("Say whether it is an impropriety or an obvious risk of one."))
        if cleaned.get("kind") == DeviationKind.PRIVATE_PROVIDER and not cleaned.get("private_provider"):
            self.add_error("private_provider", _("Name the private provider."))
        occurred = cleaned.get("occurred_at")
        if occurred and occurred > timezone.now() + timezone.timedelta(minutes=5):
            self.add_error("occurred_at", _("The time cannot be in the future."))
        return cleaned


class InvestigationForm(ScopedModelForm):
    """The unit's utredning (for lex Sarah what SOSFS 2011:5 7 kap. asks)."""

    linked_reference = forms.CharField(
        label=_("The same event as (reference)"),
        required=False,
        max_length=20,
        help_text=_("E.g. AV-2026-00123: a lex Sarah and a lex Maria report of one event are linked."),
    )

    class Meta:
        model = Deviation
        fields = [
            "investigation",
            "consequences",
            "analysis",
            "root_causes",
            "person_view",
            "staff_informed_on",
            "person_informed_on",
            "care_injury",
            "lex_maria_reported_on",
        ]
        widgets = {
            "root_causes": forms.CheckboxSelectMultiple,
            "staff_informed_on": forms.DateInput(),
            "person_informed_on": forms.DateInput(),
            "lex_maria_reported_on": forms.DateInput(),
            "investigation": forms.Textarea(attrs={"rows": 4}),
            "consequences": forms.Textarea(attrs={"rows": 2}),
            "analysis": forms.Textarea(attrs={"rows": 3}),
            "person_view": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.narrow("root_causes", is_active=True)
        if self.instance.kind != DeviationKind.HSL:
            del self.fields["care_injury"], self.fields["lex_maria_reported_on"]
        if self.instance.linked_event_id:
            self.initial["linked_reference"] = self.instance.linked_event.reference

    def clean_linked_reference(self):
        reference = self.cleaned_data["linked_reference"].strip().upper()
        if not reference:
            self.instance.linked_event = None
            return ""
        match = re.fullmatch(r"AV-\d{4}-0*(\d+)", reference)
        linked = Deviation.objects.visible_to(self.user).filter(pk=int(match.group(1))).first() if match else None
        if linked is None or linked.pk == self.instance.pk:
            raise forms.ValidationError(_("No other deviation you may see has this reference."))
        self.instance.linked_event = linked
        return reference


class DecisionForm(ScopedModelForm):
    """The verksamhetschef's bedömning and beslut on a lex Sarah report, and the anmälan till IVO."""

    class Meta:
        model = Deviation
        fields = ["assessment", "is_serious", "decision", "ivo_reported_on", "ivo_reference"]
        widgets = {
            "ivo_reported_on": forms.DateInput(),
            "is_serious": forms.RadioSelect(choices=[(True, _("Yes, serious")), (False, _("No"))]),
            "decision": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("ivo_reported_on") and not cleaned.get("is_serious"):
            self.add_error("ivo_reported_on", _("Only a serious impropriety, or risk of one, is reported to IVO."))
        if cleaned.get("ivo_reference") and not cleaned.get("ivo_reported_on"):
            self.add_error("ivo_reported_on", _("Give the date of the report to IVO."))
        return cleaned


class TargetTimeForm(ScopedModelForm):
    class Meta:
        model = TargetTime
        fields = ["step", "days", "source"]


class RootCauseForm(ScopedModelForm):
    class Meta:
        model = RootCause
        fields = ["name", "order", "is_active"]
