from django.db import models
from django.utils.translation import gettext_lazy as _

from core.choices import Gender


class CaseKind(models.TextChoices):
    AKTUALISERING = "aktualisering", _("Report or application (aktualisering)")
    FORHANDSBEDOMNING = "forhandsbedomning", _("Preliminary assessment")
    UTREDNING_BARN = "utredning_barn", _("Investigation, children")
    UTREDNING_VUXEN = "utredning_vuxen", _("Investigation, adults")
    BESLUT = "beslut", _("Decision")
    INSATS = "insats", _("Intervention")


class CaseGender(models.TextChoices):
    """A person's gender in the case data: the codes of core.choices.Gender, named for one person."""

    WOMAN = Gender.WOMEN.value, _("Female")
    MAN = Gender.MEN.value, _("Male")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be imported")
    RUNNING = "running", _("Being imported")
    CONFIRM = "confirm", _("Waiting for your confirmation")
    REFUSED = "refused", _("Refused: nothing was imported")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed")
