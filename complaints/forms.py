from __future__ import annotations

import hashlib
import secrets

from django import forms
from django.core import signing
from django.core.cache import caches
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import PersonnummerCheckMixin, ScopedModelForm
from organisation.choices import UnitKind
from organisation.models import Unit

from .choices import Category, Channel, ComplaintKind
from .models import Complaint

TOKEN_SALT = "complaints.public-form"
MIN_SECONDS = 3  # a person needs longer than this to write anything; a bot does not
MAX_AGE = 24 * 60 * 60


def issue_token(issued_at: float | None = None) -> str:
    """The public form's signed token: when the form was handed out, and a nonce that makes each token its own,
    so that using it once (``claim_token``) closes it."""
    issued = timezone.now().timestamp() if issued_at is None else issued_at
    return signing.dumps({"t": issued, "n": secrets.token_urlsafe(12)}, salt=TOKEN_SALT)


class ComplaintForm(ScopedModelForm):
    """Registering a synpunkt or klagomål received by phone, letter, email or in person."""

    class Meta:
        model = Complaint
        fields = [
            "kind",
            "received_on",
            "channel",
            "unit",
            "category",
            "description",
            "name",
            "contact",
            "wants_reply",
            "confidential",
        ]
        widgets = {"received_on": forms.DateInput(), "description": forms.Textarea(attrs={"rows": 4})}


class HandlingForm(ScopedModelForm):
    class Meta:
        model = Complaint
        fields = ["category", "analysis", "reply", "replied_on", "confidential"]
        widgets = {
            "replied_on": forms.DateInput(),
            "analysis": forms.Textarea(attrs={"rows": 3}),
            "reply": forms.Textarea(attrs={"rows": 3}),
        }


def public_units():
    return Unit.objects.filter(is_active=True, kind__in=[UnitKind.VERKSAMHETSOMRADE, UnitKind.ENHET]).order_by("path")


class PublicComplaintForm(PersonnummerCheckMixin, forms.Form):
    """The public e-service: no login, anonymous allowed, never asks for a personnummer."""

    kind = forms.ChoiceField(
        label=_("What do you want to tell us?"),
        choices=ComplaintKind.choices,
        widget=forms.RadioSelect,
        initial=ComplaintKind.COMPLAINT,
    )
    unit = forms.ModelChoiceField(
        label=_("Which part of the social services does it concern?"),
        queryset=public_units(),
        required=False,
        empty_label=_("I don't know"),
    )
    category = forms.ChoiceField(label=_("What is it about?"), choices=Category.choices, initial=Category.OTHER)
    description = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_("Do not write personal identity numbers or other details that are not needed."),
    )
    wants_reply = forms.BooleanField(label=_("I would like a reply"), required=False)
    name = forms.CharField(
        label=_("Name (optional)"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact = forms.CharField(
        label=_("Email or phone (optional)"),
        required=False,
        max_length=200,
        help_text=_("Needed if you want a reply. You may stay anonymous."),
        widget=forms.TextInput(attrs={"autocomplete": "email"}),
    )
    # Spam protection without a captcha: a field people do not see, and a signed time stamp that is good once.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["token"] = issue_token()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("The form could not be sent. Try again."), code="spam")
        try:
            signed = signing.loads(cleaned.get("token", ""), salt=TOKEN_SALT, max_age=MAX_AGE)
            issued = float(signed["t"])
        except (signing.BadSignature, TypeError, KeyError, ValueError) as error:
            raise forms.ValidationError(
                _("The form has expired. Reload the page and try again."), code="stale"
            ) from error
        if timezone.now().timestamp() - issued < MIN_SECONDS:
            raise forms.ValidationError(_("The form was sent too quickly. Wait a moment and try again."), code="fast")
        if cleaned.get("wants_reply") and not cleaned.get("contact"):
            self.add_error("contact", _("Give an email address or phone number so that we can reply."))
        return cleaned

    def claim_token(self) -> bool:
        """Use the form's token: True the first time, False if it was used already (a replay). Kept in the shared
        cache as long as a token is valid, so every app server knows it."""
        used = "public-complaint-token:" + hashlib.sha256(self.cleaned_data["token"].encode()).hexdigest()
        return caches["shared"].add(used, 1, MAX_AGE)

    def save(self) -> Complaint:
        data = self.cleaned_data
        unit = data["unit"] or default_intake_unit()
        return Complaint.objects.create(
            kind=data["kind"],
            unit=unit,
            category=data["category"],
            description=data["description"],
            wants_reply=data["wants_reply"],
            name=data["name"],
            contact=data["contact"],
            channel=Channel.WEB_FORM,
        )


def default_intake_unit() -> Unit:
    """Where a synpunkt goes when the sender does not know the unit: the förvaltning, which sorts it."""
    return (
        Unit.objects.filter(kind=UnitKind.FORVALTNING, is_active=True).order_by("path").first()
        or Unit.objects.filter(parent=None).order_by("path").first()
    )
