"""Ekonomi: budget, prognos and utfall per verksamhet/process or per kostnadsslag, per follow-up point."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.choices import ADMINS, STAFF, Role
from core.models import BaseRecord, TextGated, fits
from core.scope import Access

from .choices import Breakdown, Ledger

READERS = STAFF | {Role.NAMNDLEDAMOT}  # the economy is reported to the nämnd: aggregates, no individual
IMPORTERS = ADMINS | {Role.KVALITETSUTVECKLARE}


class FinanceReport(BaseRecord):
    """One imported statement (e.g. driftredovisning per verksamhet, prognos augusti). A re-import of the same
    point, ledger and breakdown supersedes it; the earlier one is kept."""

    point = models.ForeignKey(
        "organisation.FollowUpPoint", verbose_name=_("follow-up point"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    ledger = models.CharField(_("ledger"), max_length=20, choices=Ledger.choices, default=Ledger.OPERATING)
    breakdown = models.CharField(_("breakdown"), max_length=20, choices=Breakdown.choices)
    file_name = models.CharField(_("file"), max_length=255)
    is_current = models.BooleanField(_("current"), default=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("imported by"), null=True, on_delete=models.PROTECT, related_name="+"
    )

    access: ClassVar[Access] = Access(view=READERS, change=IMPORTERS)

    class Meta:
        verbose_name = _("financial statement")
        verbose_name_plural = _("financial statements")
        ordering = ["-point__ends_on", "breakdown", "-created_at"]

    def __str__(self) -> str:
        return f"{self.get_ledger_display()}, {self.get_breakdown_display().lower()} – {self.point}"

    def get_absolute_url(self) -> str:
        return reverse("finance:detail", args=[self.pk])


class FinanceLine(TextGated):
    """A row of a statement, in file order, with its level in the tree (0 is the grand total)."""

    report = models.ForeignKey(FinanceReport, on_delete=models.PROTECT, related_name="lines")
    order = models.PositiveIntegerField()
    level = models.PositiveSmallIntegerField(_("level"))
    name = models.CharField(_("name"), max_length=200)
    is_total = models.BooleanField(_("total row"), default=False)
    budget = models.DecimalField(_("budget"), max_digits=16, decimal_places=2)
    forecast = models.DecimalField(_("forecast"), max_digits=16, decimal_places=2, null=True, blank=True)
    outcome = models.DecimalField(_("outcome"), max_digits=16, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("financial statement row")
        verbose_name_plural = _("financial statement rows")
        ordering = ["report", "order"]
        constraints = fits("financeline", budget=14, forecast=14, outcome=14)

    def __str__(self) -> str:
        return self.name

    @property
    def deviation(self) -> Decimal | None:
        """Avvikelse = budget − prognos (a negative figure is a deficit), as the driftredovisning shows it."""
        return None if self.forecast is None else self.budget - self.forecast
