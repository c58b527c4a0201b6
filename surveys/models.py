"""Brukarundersökningar: who was asked, who answered, and the share answering positively per question."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import ClassVar

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.choices import ADMINS, STAFF, Role
from core.models import BaseRecord, TextGated, fits
from core.scope import Access

READERS = STAFF | {Role.NAMNDLEDAMOT}  # aggregates only: no answer of a person is stored
IMPORTERS = ADMINS | {Role.KVALITETSUTVECKLARE}


class SurveySource(models.TextChoices):
    NATIONAL = "national", _("National (Socialstyrelsen/SKR)")
    OWN = "own", _("Own survey")


class Survey(BaseRecord):
    name = models.CharField(_("survey"), max_length=200)
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.CharField(_("source"), max_length=20, choices=SurveySource.choices)
    distributed = models.PositiveIntegerField(_("distributed"))
    answered = models.PositiveIntegerField(_("answered"))

    access: ClassVar[Access] = Access(view=READERS, change=IMPORTERS)

    class Meta:
        verbose_name = _("user survey")
        verbose_name_plural = _("user surveys")
        ordering = ["-year", "name", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["name", "unit", "year"], name="one_survey_per_unit_and_year")]

    def __str__(self) -> str:
        return f"{self.name} {self.year} – {self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("surveys:detail", args=[self.pk])

    @property
    def response_rate(self) -> Decimal | None:
        """Svarsfrekvens in per cent, half up to one decimal (102 of 245 → 41.6)."""
        if not self.distributed:
            return None
        return (Decimal(self.answered) * 100 / self.distributed).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class SurveyQuestion(TextGated):
    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="questions")
    code = models.CharField(_("question code"), max_length=40)
    text = models.CharField(_("question"), max_length=500)
    positive_share = models.DecimalField(_("share positive"), max_digits=5, decimal_places=1)
    national_share = models.DecimalField(_("national average"), max_digits=5, decimal_places=1, null=True, blank=True)

    class Meta:
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")
        ordering = ["survey", "code"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "code"], name="one_result_per_question"),
            *fits("surveyquestion", positive_share=4, national_share=4),
        ]

    def __str__(self) -> str:
        return self.text
