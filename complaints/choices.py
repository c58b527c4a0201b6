from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ComplaintKind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    COMMENT = "comment", pgettext_lazy("complaint kind", "Comment")
    PRAISE = "praise", _("Praise")
    SUGGESTION = "suggestion", _("Suggestion")


class Channel(models.TextChoices):
    WEB_FORM = "web_form", _("Web form")
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    LETTER = "letter", _("Letter")
    VISIT = "visit", _("Visit or meeting")
    OTHER = "other", _("Other")


class Category(models.TextChoices):
    """What it concerns; the first rows are the categories of seed 002's table."""

    DECISION = "decision", _("Decision or appeal")
    SERVICE = "service", _("How an intervention is carried out")
    TREATMENT = "treatment", _("Treatment and attitude")
    ACCESSIBILITY = "accessibility", _("Accessibility")
    INFORMATION = "information", _("Information")
    WAITING = "waiting", _("Handling time")
    OTHER = "other", _("Other")


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    INVESTIGATING = "investigating", _("Being handled")
    CLOSED = "closed", _("Closed")
