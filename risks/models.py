"""The risk register: risks per process or area and unit, assessed and re-assessed over time."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.choices import ADMINS, CHIEFS, STAFF, Role
from core.models import BaseRecord, TextGated
from core.scope import Access
from organisation.models import FollowUpPoint

from . import rules

OWNERS = CHIEFS | ADMINS | {Role.KVALITETSUTVECKLARE, Role.PROCESSAGARE, Role.MAS}


def review_months() -> int:
    return int(getattr(settings, "RISK_REVIEW_MONTHS", 12))


class Risk(BaseRecord):
    """One risk: what could go wrong, where, how likely and how bad, and what is done about it."""

    title = models.CharField(_("risk"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    area = models.CharField(_("process or area"), max_length=200)
    process = models.ForeignKey(
        "organisation.Process",
        verbose_name=_("process"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="risks",
    )
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="risks"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("risk owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_risks",
    )
    probability = models.PositiveSmallIntegerField(_("probability"))
    consequence = models.PositiveSmallIntegerField(_("consequence"))
    level = models.PositiveSmallIntegerField(_("risk level"), editable=False)
    comment = models.TextField(_("comment"), blank=True)
    last_assessed_on = models.DateField(_("last assessed"), default=timezone.localdate)
    is_active = models.BooleanField(_("active"), default=True)
    actions = models.ManyToManyField("actions.Action", verbose_name=_("actions"), blank=True, related_name="risks")

    access: ClassVar[Access] = Access(view=STAFF, change=OWNERS)
    audit_exclude = BaseRecord.audit_exclude | {"level"}

    class Meta:
        verbose_name = _("risk")
        verbose_name_plural = _("risks")
        ordering = ["-level", "area", "title"]
        indexes = [models.Index(fields=["unit", "level"]), models.Index(fields=["area"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("risks:detail", args=[self.pk])

    @property
    def band(self) -> str:
        return rules.risk_band(self.level)

    @property
    def needs_review(self) -> bool:
        return self.is_active and rules.needs_review(self.last_assessed_on, review_months(), timezone.localdate())

    @property
    def review_due_on(self):
        return rules.review_due(self.last_assessed_on, review_months())

    def clean(self) -> None:
        top = rules.scale()
        errors = {}
        for name in ("probability", "consequence"):
            value = getattr(self, name)
            if value is not None and not 1 <= value <= top:
                errors[name] = gettext("Choose a value from 1 to %(top)d.") % {"top": top}
        if errors:
            raise ValidationError(errors)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.clean()
        self.level = rules.risk_level(self.probability, self.consequence)
        creating = self._state.adding
        with transaction.atomic():
            super().save(*args, **kwargs)
            if creating:
                self.assessments.create(
                    assessed_on=self.last_assessed_on,
                    probability=self.probability,
                    consequence=self.consequence,
                    level=self.level,
                    comment=self.comment,
                )

    def reassess(self, *, probability: int, consequence: int, comment: str, by: Any, on=None) -> RiskAssessment:
        """Record a new assessment; the risk takes its values, the earlier ones stay in the history."""
        on = on or timezone.localdate()
        with transaction.atomic():
            self.probability, self.consequence, self.last_assessed_on = probability, consequence, on
            self.comment = comment or self.comment
            self.clean()
            self.save()
            return self.assessments.create(
                assessed_on=on,
                probability=probability,
                consequence=consequence,
                level=self.level,
                comment=comment,
                assessed_by=by,
            )


class RiskAssessment(TextGated):
    """One assessment of a risk at a point in time (its history; never changed)."""

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="assessments")
    assessed_on = models.DateField(_("assessed on"))
    probability = models.PositiveSmallIntegerField(_("probability"))
    consequence = models.PositiveSmallIntegerField(_("consequence"))
    level = models.PositiveSmallIntegerField(_("risk level"))
    comment = models.TextField(_("comment"), blank=True)
    point = models.ForeignKey(
        "organisation.FollowUpPoint",
        verbose_name=_("follow-up point"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The follow-up point the assessment is reported at; taken from the date."),
    )
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assessed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("risk assessment")
        verbose_name_plural = _("risk assessments")
        ordering = ["-assessed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.risk}: {self.level} ({self.assessed_on})"

    @property
    def band(self) -> str:
        return rules.risk_band(self.level)

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.point_id is None:
            self.point = FollowUpPoint.reported_at(self.assessed_on)
        super().save(*args, **kwargs)


def levels_by_point(assessments: list[RiskAssessment]) -> list[RiskAssessment]:
    """A risk's level per follow-up point: of several assessments within one point, the last one counts."""
    last: dict[int, RiskAssessment] = {}
    for assessment in sorted(assessments, key=lambda a: (a.assessed_on, a.pk or 0)):
        if assessment.point_id is not None:
            last[assessment.point_id] = assessment
    return sorted(last.values(), key=lambda a: (a.point.ends_on, a.point.order))
