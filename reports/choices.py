from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    KVALITETSBERATTELSE = "kvalitetsberattelse", _("Quality report (kvalitetsberättelse)")
    KVALITETSPLAN = "kvalitetsplan", _("Quality plan (kvalitetsplan)")
    TERTIALRAPPORT = "tertialrapport", _("Tertial report (tertialrapport)")


class VersionStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Being generated")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class Format(models.TextChoices):
    HTML = "html", "HTML"
    DOCX = "docx", "Word"
    PDF = "pdf", "PDF"


class WhenEmpty(models.TextChoices):
    """What a section without text or data becomes in the document."""

    REASON = "reason", _("Printed with the stated reason")
    OMIT = "omit", _("Left out")
