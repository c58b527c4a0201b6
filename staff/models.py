"""Personal: number of people and årsarbetare by gender, and sjukfrånvaro by gender and period."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.choices import ADMINS, STAFF, Role
from core.choices import WOMEN_MEN_TOTAL, choices_of
from core.models import BaseRecord, fits
from core.scope import Access

READERS = STAFF | {Role.NAMNDLEDAMOT}
IMPORTERS = ADMINS | {Role.KVALITETSUTVECKLARE}


class Measure(models.TextChoices):
    PEOPLE = "personer", _("Number of people")
    FULL_TIME = "arsarbetare", _("Full-time equivalents")
    SICK_LEAVE = "sjukfranvaro", _("Sick leave, %")
    SICK_SHORT = "sjukfranvaro_kort", _("Short sick leave, %")
    SICK_LONG = "sjukfranvaro_lang", _("Long sick leave, %")


class StaffFigure(BaseRecord):
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    period = models.CharField(_("period"), max_length=40, help_text=_("E.g. jan–jul or augusti."))
    measure = models.CharField(_("measure"), max_length=20, choices=Measure.choices)
    gender = models.CharField(_("gender"), max_length=1, choices=choices_of(*WOMEN_MEN_TOTAL))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)

    access: ClassVar[Access] = Access(view=READERS, change=IMPORTERS)

    class Meta:
        verbose_name = _("staff figure")
        verbose_name_plural = _("staff figures")
        ordering = ["unit__path", "year", "measure", "gender"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "period", "measure", "gender"], name="one_staff_figure"),
            *fits("stafffigure", value=10),
        ]

    def __str__(self) -> str:
        return f"{self.get_measure_display()} {self.year} {self.period} {self.gender}: {self.value}"
