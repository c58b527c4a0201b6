"""Egenkontroller: planned checks of the verksamhet, each genomförande with its result and verdict."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.choices import ADMINS, CHIEFS, STAFF, Role
from actions.models import Action
from core.models import BaseRecord
from core.scope import Access

from . import rules
from .choices import Cadence, Method, ReviewKind, Verdict

CONTROLLERS = CHIEFS | ADMINS | {Role.KVALITETSUTVECKLARE, Role.PROCESSAGARE, Role.MAS}
ACTION_DAYS = 30  # default time to act on a control that calls for action


class Control(BaseRecord):
    """What is checked, why, how and how often; linked to the risk it keeps in check."""

    title = models.CharField(_("what is checked"), max_length=300)
    purpose = models.TextField(_("purpose"))
    method = models.CharField(_("method"), max_length=20, choices=Method.choices)
    risk = models.ForeignKey(
        "risks.Risk", verbose_name=_("risk"), null=True, blank=True, on_delete=models.PROTECT, related_name="controls"
    )
    process = models.ForeignKey(
        "organisation.Process",
        verbose_name=_("process reviewed"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="review_controls",
        help_text=_("Set on the yearly review that every process gets."),
    )
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="controls"
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="controls",
    )
    cadence = models.CharField(_("how often"), max_length=20, choices=Cadence.choices, default=Cadence.YEARLY)
    first_due_on = models.DateField(_("first due"))
    next_due_on = models.DateField(_("next due"), null=True, blank=True, editable=False, db_index=True)
    plan = models.TextField(_("what is to be done"), blank=True, help_text=_("The kvalitetsplan's “Vad ska göras?”."))
    is_active = models.BooleanField(_("active"), default=True)

    access: ClassVar[Access] = Access(view=STAFF, change=CONTROLLERS)
    owner_fields: ClassVar[tuple[str, ...]] = ("responsible",)
    audit_exclude = BaseRecord.audit_exclude | {"next_due_on"}

    class Meta:
        verbose_name = _("self-inspection")
        verbose_name_plural = _("self-inspections")
        ordering = ["next_due_on", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("controls:detail", args=[self.pk])

    def last_performed_on(self) -> dt.date | None:
        return self.runs.aggregate(last=models.Max("performed_on"))["last"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        last = self.last_performed_on() if self.pk else None
        self.next_due_on = rules.next_due(self.cadence, self.first_due_on, last) if self.is_active else None
        super().save(*args, **kwargs)

    @property
    def is_overdue(self) -> bool:
        return rules.is_overdue(self.next_due_on, timezone.localdate())


class ControlRun(BaseRecord):
    """One genomförande: when, what it found (with a measured share where there is one), and the verdict."""

    control = models.ForeignKey(
        Control, verbose_name=_("self-inspection"), on_delete=models.PROTECT, related_name="runs"
    )
    performed_on = models.DateField(_("performed on"), default=timezone.localdate)
    result = models.TextField(_("result"))
    numerator = models.PositiveIntegerField(_("number meeting the requirement"), null=True, blank=True)
    denominator = models.PositiveIntegerField(_("number checked"), null=True, blank=True)
    verdict = models.CharField(_("verdict"), max_length=20, choices=Verdict.choices)
    action = models.ForeignKey(
        Action, verbose_name=_("action"), null=True, blank=True, on_delete=models.PROTECT, related_name="control_runs"
    )
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("performed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    access: ClassVar[Access] = Control.access
    scope_path: ClassVar[str] = "control__unit__path"

    class Meta:
        verbose_name = _("performed self-inspection")
        verbose_name_plural = _("performed self-inspections")
        ordering = ["-performed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.control} {self.performed_on}"

    def get_absolute_url(self) -> str:
        return self.control.get_absolute_url()

    def scope_unit(self):
        return self.control.unit

    @property
    def share(self) -> float | None:
        if self.numerator is None or not self.denominator:
            return None
        return self.numerator / self.denominator

    def clean(self) -> None:
        if (self.numerator is None) != (self.denominator is None):
            raise ValidationError({"denominator": gettext("Give both the number checked and the number meeting it.")})
        if self.numerator is not None and self.denominator is not None and self.numerator > self.denominator:
            raise ValidationError({"numerator": gettext("Cannot be more than the number checked.")})
        if self.performed_on and self.performed_on > timezone.localdate():
            raise ValidationError({"performed_on": gettext("The date cannot be in the future.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Saving a run that calls for action creates the åtgärd (linked to the control's risk too)."""
        with transaction.atomic():
            if self.verdict == Verdict.NEEDS_ACTION and self.action_id is None:
                control = self.control
                title = gettext("Action after self-inspection: %(title)s") % {"title": control.title}
                self.action = Action.objects.create(
                    title=title[:300],
                    description=self.result,
                    unit=control.unit,
                    responsible=control.responsible,
                    due_on=self.performed_on + dt.timedelta(days=ACTION_DAYS),
                )
                if control.risk_id:
                    control.risk.actions.add(self.action)
            super().save(*args, **kwargs)
            self.control.save()  # moves the next due date
            if self.control.process_id:
                self.control.process.review_done(self.performed_on)


class Review(BaseRecord):
    """A revision, tillsyn, granskning or egen uppföljning: what was examined, by whom, what it found and the answer."""

    kind = models.CharField(_("kind"), max_length=20, choices=ReviewKind.choices)
    title = models.CharField(_("title"), max_length=300)
    performed_by = models.CharField(_("performed by"), max_length=200)
    performed_on = models.DateField(_("date"))
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="reviews"
    )
    findings = models.TextField(_("findings"))
    response = models.TextField(_("the administration's response"), blank=True)
    reported_to_committee_on = models.DateField(_("reported to the committee on"), null=True, blank=True)
    actions = models.ManyToManyField(Action, verbose_name=_("actions"), blank=True, related_name="reviews")

    access: ClassVar[Access] = Access(view=STAFF, change=CONTROLLERS)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews and follow-ups")
        ordering = ["-performed_on", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("controls:review_detail", args=[self.pk])
