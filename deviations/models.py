"""Avvikelser: internal deviations, lex Sarah reports, HSL deviations and those at private providers."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.choices import ADMINS, CHIEFS, STAFF, Role
from core.models import BaseRecord, TextIndexed
from core.scope import Access, holds
from core.workflow import StatusChangeBase, TransitionRefused, WorkflowMixin
from organisation.models import Unit

from . import rules
from .choices import Assessment, CareInjury, DeviationKind, DeviationStatus, LexSarahType, Step

# The MAS handles HSL deviations and lex Maria (patientsäkerhetslagen 2010:659 3 kap. 5 §, HSL
# 2017:30 11 kap. 4 §); a MAS sees every deviation of its subtree, since one event may be both.
HANDLERS = CHIEFS | ADMINS | {Role.KVALITETSUTVECKLARE, Role.MAS}


class RootCause(BaseRecord):
    """A root-cause category of the utredning (configurable; defaults from the seeds)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    access: ClassVar[Access] = Access(view=STAFF, change=ADMINS)
    scope_path: ClassVar[None] = None

    class Meta:
        verbose_name = _("root cause")
        verbose_name_plural = _("root causes")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("deviations:rootcause_update", args=[self.pk])

    @classmethod
    def ensure_defaults(cls) -> None:
        """Create the default categories that are missing (the first migration does it once)."""
        for order, name in enumerate(rules.DEFAULT_ROOT_CAUSES, start=1):
            if not cls.objects.filter(name=name).exists():
                cls.objects.create(name=name, order=order)


class TargetTime(BaseRecord):
    """The nämnd's own target, in days from the report, for one step of the handling."""

    step = models.CharField(_("step"), max_length=20, choices=Step.choices, unique=True)
    days = models.PositiveSmallIntegerField(_("days"))
    source = models.CharField(_("source"), max_length=300, blank=True)

    access: ClassVar[Access] = Access(view=STAFF, change=ADMINS)
    scope_path: ClassVar[None] = None

    class Meta:
        verbose_name = _("target time")
        verbose_name_plural = _("target times")
        ordering = ["step"]

    def __str__(self) -> str:
        return f"{self.get_step_display()}: {self.days}"

    def get_absolute_url(self) -> str:
        return reverse("deviations:targettime_update", args=[self.pk])

    @classmethod
    def current(cls) -> dict[str, int]:
        return {**rules.DEFAULT_TARGET_DAYS, **dict(cls.objects.values_list("step", "days"))}


class Deviation(WorkflowMixin, TextIndexed, BaseRecord):
    """One reported avvikelse and its utredning, bedömning and beslut."""

    # The report
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="deviations")
    kind = models.CharField(_("kind"), max_length=20, choices=DeviationKind.choices, default=DeviationKind.INTERNAL)
    lex_sarah_type = models.CharField(
        _("concerns"),
        max_length=20,
        choices=LexSarahType.choices,
        blank=True,
        help_text=_("For a lex Sarah report: an impropriety, or an obvious risk of one."),
    )
    private_provider = models.CharField(_("private provider"), max_length=200, blank=True)
    occurred_at = models.DateTimeField(_("when it happened"))
    location = models.CharField(_("where it happened"), max_length=200, blank=True)
    description = models.TextField(_("what happened"))
    immediate_actions = models.TextField(_("immediate measures taken"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.PROTECT,
        related_name="reported_deviations",
    )
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("status"), max_length=20, choices=DeviationStatus.choices, default=DeviationStatus.REPORTED
    )

    # The utredning (SOSFS 2011:5 7 kap. for lex Sarah)
    investigation = models.TextField(_("investigation: what happened, when and where"), blank=True)
    consequences = models.TextField(_("consequences"), blank=True)
    analysis = models.TextField(_("analysis of causes"), blank=True)
    root_causes = models.ManyToManyField(RootCause, verbose_name=_("root causes"), blank=True)
    person_view = models.TextField(_("the view of the person concerned"), blank=True)
    investigated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("investigated by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    # Lex Sarah bedömning and beslut
    assessment = models.CharField(_("assessment"), max_length=20, choices=Assessment.choices, blank=True)
    is_serious = models.BooleanField(_("serious"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision = models.TextField(_("decision"), blank=True)
    ivo_reported_on = models.DateField(_("reported to IVO on"), null=True, blank=True)
    ivo_reference = models.CharField(_("IVO reference number"), max_length=60, blank=True)
    staff_informed_on = models.DateField(_("staff at the unit informed on"), null=True, blank=True)
    person_informed_on = models.DateField(_("person concerned informed on"), null=True, blank=True)

    # HSL (patientsäkerhetslagen 2010:659)
    care_injury = models.CharField(_("care injury"), max_length=20, choices=CareInjury.choices, blank=True)
    lex_maria_reported_on = models.DateField(_("lex Maria report to IVO on"), null=True, blank=True)
    linked_event = models.ForeignKey(
        "self",
        verbose_name=_("the same event as"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("A lex Sarah and a lex Maria report of one event are linked."),
    )

    closing_note = models.TextField(_("why closed with open actions"), blank=True)
    actions = models.ManyToManyField("actions.Action", verbose_name=_("actions"), blank=True, related_name="deviations")

    TRANSITIONS: ClassVar[dict[str, set[str]]] = {
        DeviationStatus.REPORTED: {DeviationStatus.INVESTIGATING},
        DeviationStatus.INVESTIGATING: {DeviationStatus.ASSESSED, DeviationStatus.ACTIONS, DeviationStatus.CLOSED},
        DeviationStatus.ASSESSED: {DeviationStatus.REPORTED_TO_IVO, DeviationStatus.ACTIONS, DeviationStatus.CLOSED},
        DeviationStatus.REPORTED_TO_IVO: {DeviationStatus.ACTIONS, DeviationStatus.CLOSED},
        DeviationStatus.ACTIONS: {DeviationStatus.CLOSED, DeviationStatus.INVESTIGATING},
        DeviationStatus.CLOSED: {DeviationStatus.INVESTIGATING},
    }
    access: ClassVar[Access] = Access(view=HANDLERS, change=HANDLERS, create=STAFF)
    owner_fields: ClassVar[tuple[str, ...]] = ("reported_by",)
    sensitive: ClassVar[bool] = True
    text_kind: ClassVar[str] = "deviation"
    text_fields: ClassVar[tuple[str, ...]] = ("description", "immediate_actions", "investigation", "analysis")

    class Meta:
        verbose_name = _("deviation")
        verbose_name_plural = _("deviations")
        ordering = ["-reported_at", "-id"]
        indexes = [
            models.Index(fields=["unit", "reported_at"]),
            models.Index(fields=["kind", "reported_at"]),
            models.Index(fields=["status"]),
        ]

    def save(self, *args: Any, notify: bool = True, **kwargs: Any) -> None:
        """Save; a new report tells the unit's responsible chiefs once the transaction commits, whichever channel
        made it (the page, the API, a command). ``notify=False`` for records that are not news (demo history)."""
        creating = self._state.adding
        super().save(*args, **kwargs)
        if creating and notify:
            from .tasks import notify_new_deviation  # the task module imports this one

            pk = self.pk
            transaction.on_commit(lambda: notify_new_deviation.enqueue(pk))

    def __str__(self) -> str:
        return f"{self.reference} {self.get_kind_display()}"

    @property
    def reference(self) -> str:
        return f"AV-{self.reported_at:%Y}-{self.pk or 0:05d}"

    def get_absolute_url(self) -> str:
        return reverse("deviations:detail", args=[self.pk])

    @property
    def is_lex_sarah(self) -> bool:
        return self.kind == DeviationKind.LEX_SARAH

    def open_actions(self):
        return self.actions.open()

    def step_states(self, targets: dict[str, int] | None = None, today=None) -> list[rules.StepState]:
        return rules.step_states(
            kind=self.kind,
            status=self.status,
            reported_on=timezone.localtime(self.reported_at).date(),
            is_serious=self.is_serious,
            decided_on=self.decided_on,
            ivo_reported_on=self.ivo_reported_on,
            targets=targets if targets is not None else TargetTime.current(),
            today=today or timezone.localdate(),
        )

    def guard_transition(self, new: str, *, by: Any, note: str) -> None:
        if new == DeviationStatus.ASSESSED:
            if not self.is_lex_sarah:
                raise TransitionRefused(gettext("Only a lex Sarah report is assessed."))
            if not self.assessment or self.is_serious is None:
                raise TransitionRefused(
                    gettext("Record the assessment and whether it is serious before marking it assessed.")
                )
            if not can_decide(by, self):
                raise TransitionRefused(gettext("A head of operations over the unit decides the assessment."))
            self.decided_by = by
            self.decided_on = self.decided_on or timezone.localdate()
        if new == DeviationStatus.REPORTED_TO_IVO and not (self.is_serious and self.ivo_reported_on):
            raise TransitionRefused(
                gettext("Only a serious report is reported to IVO, and the date of the report is needed.")
            )
        if new == DeviationStatus.CLOSED:
            if self.is_lex_sarah and not self.decided_on:
                raise TransitionRefused(gettext("A lex Sarah report cannot be closed before it has been assessed."))
            if self.is_lex_sarah and self.is_serious and not self.ivo_reported_on:
                raise TransitionRefused(
                    gettext("A serious lex Sarah report cannot be closed without the date of its report to IVO.")
                )
            if self.care_injury == CareInjury.SERIOUS and not self.lex_maria_reported_on:
                raise TransitionRefused(
                    gettext("A serious care injury cannot be closed without the date of its lex Maria report.")
                )
            if self.open_actions().exists():
                if not note.strip():
                    raise TransitionRefused(
                        gettext(
                            "Actions are still open. Close them first, or write why the deviation is closed anyway."
                        )
                    )
                self.closing_note = note
        if self.status == DeviationStatus.CLOSED and not note.strip():
            raise TransitionRefused(gettext("Write why the deviation is reopened."))


def can_decide(user: Any, deviation: Deviation) -> bool:
    """Whether the user is a verksamhetschef over the deviation's unit (who decides a lex Sarah bedömning)."""
    return holds(user, frozenset({Role.VERKSAMHETSCHEF}), deviation.unit)


class DeviationStatusChange(StatusChangeBase):
    deviation = models.ForeignKey(Deviation, on_delete=models.PROTECT, related_name="status_changes")
