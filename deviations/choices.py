from django.db import models
from django.utils.translation import gettext_lazy as _


class DeviationKind(models.TextChoices):
    INTERNAL = "internal", _("Internal deviation")
    LEX_SARAH = "lex_sarah", _("Lex Sarah report")
    HSL = "hsl", _("Health care deviation (HSL)")
    PRIVATE_PROVIDER = "private_provider", _("Deviation at a private provider")


class LexSarahType(models.TextChoices):
    """What the reporter says the report concerns (SoL 2025:400 27 kap. 1 §)."""

    MISSFORHALLANDE = "missforhallande", _("Impropriety")
    RISK = "risk", _("Obvious risk of impropriety")


class Assessment(models.TextChoices):
    """The verksamhetschef's bedömning of a lex Sarah report."""

    MISSFORHALLANDE = "missforhallande", _("Impropriety")
    RISK = "risk", _("Obvious risk of impropriety")
    NONE = "none", _("No impropriety")


class CareInjury(models.TextChoices):
    """Patientsäkerhetslagen (2010:659) 1 kap. 5 § and 3 kap. 5 §."""

    NONE = "none", _("No care injury")
    INJURY = "injury", _("Care injury")
    SERIOUS = "serious", _("Serious care injury (lex Maria)")


class DeviationStatus(models.TextChoices):
    REPORTED = "reported", _("Reported")
    INVESTIGATING = "investigating", _("Under investigation")
    ASSESSED = "assessed", _("Assessed")
    REPORTED_TO_IVO = "reported_to_ivo", _("Reported to IVO")
    ACTIONS = "actions", _("Actions in progress")
    CLOSED = "closed", _("Closed")


class Step(models.TextChoices):
    """Steps of the handling that have a local target time."""

    START = "start", _("Investigation started")
    ASSESS = "assess", _("Lex Sarah assessed")
    IVO = "ivo", _("Reported to IVO")
    CLOSE = "close", _("Closed")
