"""Indicators: what is measured, its targets, its utfall per follow-up point, unit and gender, and Kolada's values."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.choices import ADMINS, CHIEFS, Role
from core.models import AuditedModel, BaseRecord, fits
from core.scope import EVERYONE, Access
from organisation.models import code_validator

from . import rules
from .choices import GENDERS_OF_SPLIT, Direction, Gender, GenderSplit, Measure, Source

CATALOGUE_EDITORS = ADMINS | {Role.KVALITETSUTVECKLARE}
RESULT_EDITORS = CHIEFS | ADMINS | {Role.KVALITETSUTVECKLARE, Role.MAS}


class Indicator(BaseRecord):
    """A kvalitetsindikator: what is measured and how, which direction is better, and its long-term target."""

    code = models.CharField(_("code"), max_length=40, unique=True, validators=[code_validator])
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("purpose and description"), blank=True)
    measure = models.CharField(_("unit of measure"), max_length=20, choices=Measure.choices)
    better = models.CharField(_("better"), max_length=10, choices=Direction.choices, default=Direction.HIGHER)
    gender_split = models.CharField(
        _("gender split"), max_length=20, choices=GenderSplit.choices, default=GenderSplit.NONE
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.MANUAL)
    kolada_kpi = models.CharField(
        _("Kolada KPI"), max_length=20, blank=True, help_text=_("E.g. N79126: shown beside the own values.")
    )
    survey_question = models.CharField(_("survey question"), max_length=300, blank=True)
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
        help_text=_("Left empty: the whole committee."),
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    target_value = models.DecimalField(_("long-term target"), max_digits=12, decimal_places=2, null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    in_reports = models.BooleanField(
        _("in the committee's documents"),
        default=True,
        help_text=_(
            "Shown with table and chart in the kvalitetsberättelse and the tertialrapport. Untick an indicator "
            "followed only within the verksamhet; one linked to a goal of the year is shown all the same."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)

    access: ClassVar[Access] = Access(view=EVERYONE, change=CATALOGUE_EDITORS)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["code"]
        constraints = fits("indicator", target_value=10)

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("indicators:detail", args=[self.pk])

    @property
    def is_share(self) -> bool:
        return self.measure == Measure.PERCENT

    @property
    def genders(self) -> tuple[str, ...]:
        return GENDERS_OF_SPLIT[self.gender_split]

    def clean(self) -> None:
        if (self.target_value is None) != (self.target_year is None):
            raise ValidationError({"target_year": gettext("Give both the long-term target and its year.")})
        if self.source == Source.KOLADA and not self.kolada_kpi:
            raise ValidationError({"kolada_kpi": gettext("Give the Kolada KPI the values come from.")})


class Target(AuditedModel):
    """An etappmål: the value an indicator should reach in a year, for the whole committee or one unit."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="targets")
    year = models.PositiveSmallIntegerField(_("year"))
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    value = models.DecimalField(_("interim target"), max_digits=12, decimal_places=2)

    access: ClassVar[Access] = Indicator.access

    class Meta:
        verbose_name = _("interim target")
        verbose_name_plural = _("interim targets")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "unit"], name="one_target_per_year_and_unit"),
            models.UniqueConstraint(
                fields=["indicator", "year"], condition=models.Q(unit=None), name="one_committee_target_per_year"
            ),
            *fits("target", value=10),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value}"

    def scope_unit(self):
        return self.unit or self.indicator.unit


class Result(BaseRecord):
    """An utfall: an indicator's value at one follow-up point for one unit and gender, with its counts."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="results"
    )
    point = models.ForeignKey(
        "organisation.FollowUpPoint", verbose_name=_("follow-up point"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="indicator_results"
    )
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices, default=Gender.TOTAL)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True)
    numerator = models.PositiveIntegerField(_("numerator"), null=True, blank=True)
    denominator = models.PositiveIntegerField(_("denominator"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.MANUAL)
    source_note = models.CharField(_("source note"), max_length=300, blank=True)
    comment = models.TextField(
        _("comment"),
        blank=True,
        default="",
        db_default="",  # results computed from ärendedata are written in bulk without it (casedata.compute)
        help_text=_(
            "What the result shows and why, and what is being done: printed under the indicator in the documents."
        ),
    )

    access: ClassVar[Access] = Access(view=EVERYONE, change=RESULT_EDITORS)

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["indicator", "point__ends_on", "unit", "gender"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "point", "unit", "gender"], name="one_result_per_cell"),
            *fits("result", value=12),
        ]
        indexes = [models.Index(fields=["indicator", "unit", "gender"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.point} {self.unit}: {self.value}"

    def get_absolute_url(self) -> str:
        return self.indicator.get_absolute_url()

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if (self.numerator is None) != (self.denominator is None):
            errors["denominator"] = gettext("Give both the numerator and the denominator, or neither.")
        elif self.numerator is not None and self.numerator > self.denominator:
            errors["numerator"] = gettext("The numerator cannot be larger than the denominator.")
        elif self.numerator is not None and self.denominator == 0:
            errors["denominator"] = gettext("The denominator must be at least 1.")
        indicator = self.indicator if self.indicator_id else None
        if indicator is not None:
            share_out_of_range = indicator.is_share and self.value is not None and not 0 <= self.value <= 100
            if share_out_of_range and self.numerator is None:
                errors["value"] = gettext("A share lies between 0 and 100.")
            if self.gender not in indicator.genders:
                errors["gender"] = gettext("This indicator is not reported for that gender.")
        if self.numerator is None and self.value in (None, ""):
            errors["value"] = gettext("Give the value, or the numerator and denominator.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.value = rules.result_value(self.indicator.is_share, self.numerator, self.denominator, self.value)
        super().save(*args, **kwargs)


class KoladaMunicipality(models.Model):
    """A municipality or region as Kolada names it (0000 is Riket)."""

    id = models.CharField(_("code"), max_length=8, primary_key=True)
    title = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=2, blank=True)

    class Meta:
        verbose_name = _("Kolada municipality")
        verbose_name_plural = _("Kolada municipalities")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class KoladaValue(models.Model):
    """One value fetched from Kolada, kept locally so comparisons work offline."""

    kpi = models.CharField(_("Kolada KPI"), max_length=20)
    municipality = models.ForeignKey(KoladaMunicipality, on_delete=models.PROTECT, related_name="values")
    year = models.PositiveSmallIntegerField(_("year"))
    gender = models.CharField(_("gender"), max_length=1, default="T")
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4, null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, blank=True)
    fetched_at = models.DateTimeField(_("fetched"), auto_now=True)

    class Meta:
        verbose_name = _("Kolada value")
        verbose_name_plural = _("Kolada values")
        ordering = ["kpi", "municipality", "year", "gender"]
        constraints = [
            models.UniqueConstraint(fields=["kpi", "municipality", "year", "gender"], name="one_kolada_value"),
            *fits("koladavalue", value=12),
        ]

    def __str__(self) -> str:
        return f"{self.kpi} {self.municipality_id} {self.year} {self.gender}: {self.value}"
