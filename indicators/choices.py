from django.db import models
from django.utils.translation import gettext_lazy as _

from core import choices as core_choices


class Measure(models.TextChoices):
    PERCENT = "percent", _("Share (%)")
    COUNT = "count", _("Number")
    DAYS = "days", _("Days")
    SEK = "sek", _("Kronor")
    SCALE = "scale", _("Mean on a scale")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")
    NONE = "none", _("Neither (followed, not judged)")


class GenderSplit(models.TextChoices):
    NONE = "none", _("Total only")
    WOMEN_MEN = "women_men", _("Women / men / total")
    GIRLS_BOYS = "girls_boys", _("Girls / boys / total")


Gender = core_choices.Gender  # the one set of gender codes (core.choices)


GENDERS_OF_SPLIT = {
    GenderSplit.NONE: (Gender.TOTAL,),
    GenderSplit.WOMEN_MEN: (Gender.TOTAL, Gender.WOMEN, Gender.MEN),
    GenderSplit.GIRLS_BOYS: (Gender.TOTAL, Gender.GIRLS, Gender.BOYS),
}


class Source(models.TextChoices):
    MANUAL = "manual", _("Entered by hand")
    CASEDATA = "casedata", _("Computed from case data")
    SURVEY = "survey", _("User survey question")
    KOLADA = "kolada", _("Kolada")


class Signal(models.TextChoices):
    OUTSIDE = "outside", _("Outside the control limits")
    RUN = "run", _("Run on one side of the centre line")
    TREND = "trend", _("Trend")
