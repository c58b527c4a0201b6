from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class Effect(models.TextChoices):
    ACHIEVED = "achieved", _("Has had the intended effect")
    NOT_YET = "not_yet", _("Too early to tell")
    NOT_ACHIEVED = "not_achieved", _("Has not had the intended effect")
