"""Åtgärder: improvement actions from risks, egenkontroller, avvikelser, klagomål, granskningar and goals."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.choices import ADMINS, CHIEFS, STAFF, Role
from audit import context as audit_context
from core.models import AuditedModel, BaseRecord
from core.scope import Access, ScopedQuerySet
from core.workflow import StatusChangeBase, TransitionRefused, WorkflowMixin
from organisation.models import FollowUpPoint

from . import rules
from .choices import ActionStatus, Effect


class ActionQuerySet(ScopedQuerySet):
    """Åtgärder: scoped as every record, and ``open()`` for those not done yet."""

    def open(self) -> ActionQuerySet:
        """Not started or in progress: what is still to be done."""
        return self.exclude(status=ActionStatus.DONE)


class Action(WorkflowMixin, BaseRecord):
    """One åtgärd with a responsible person, a due date, a status and its effect."""

    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="actions",
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    follow_up = models.TextField(_("follow-up"), blank=True)
    effect = models.CharField(_("effect"), max_length=20, choices=Effect.choices, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    objects = ActionQuerySet.as_manager()

    TRANSITIONS: ClassVar[dict[str, set[str]]] = {
        ActionStatus.NOT_STARTED: {ActionStatus.IN_PROGRESS, ActionStatus.DONE},
        ActionStatus.IN_PROGRESS: {ActionStatus.DONE, ActionStatus.NOT_STARTED},
        ActionStatus.DONE: {ActionStatus.IN_PROGRESS},
    }
    access: ClassVar[Access] = Access(
        view=STAFF, change=CHIEFS | ADMINS | {Role.KVALITETSUTVECKLARE, Role.PROCESSAGARE, Role.MAS}
    )
    owner_fields: ClassVar[tuple[str, ...]] = ("responsible",)
    owners_may_change: ClassVar[bool] = True

    class Meta:
        verbose_name = _("improvement action")
        verbose_name_plural = _("improvement actions")
        ordering = ["status", "due_on", "id"]
        indexes = [
            models.Index(fields=["responsible", "status"]),
            models.Index(fields=["unit", "status"]),
            models.Index(fields=["status", "due_on", "id"]),  # the list's order: its first page without a sort
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("actions:detail", args=[self.pk])

    def sources(self, user: Any) -> list[Any]:
        """The records this åtgärd serves (risks, egenkontroller, granskningar, avvikelser, klagomål) that
        ``user`` may see: an åtgärd is read more widely than, say, the avvikelse it came from."""
        from controls.models import Control

        controls = Control.objects.visible_to(user).filter(runs__action=self).distinct()
        return [
            *self.risks.model.objects.visible_to(user).filter(actions=self),
            *controls,
            *self.reviews.model.objects.visible_to(user).filter(actions=self),
            *self.deviations.model.objects.visible_to(user).filter(actions=self),
            *self.complaints.model.objects.visible_to(user).filter(actions=self),
        ]

    @property
    def is_open(self) -> bool:
        return self.status != ActionStatus.DONE

    @property
    def is_overdue(self) -> bool:
        return rules.is_overdue(self.status, self.due_on, timezone.localdate())

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Save; a changed follow-up or effect is also kept for the follow-up point it was written at."""
        changed = {"follow_up", "effect"} & self.tracked_changes().keys()
        with transaction.atomic():
            super().save(*args, **kwargs)
            if changed and (self.follow_up or self.effect):
                self.record_follow_up(point=getattr(self, "_follow_up_point", None))

    def record_follow_up(self, *, point: Any = None) -> ActionFollowUp | None:
        """Keep the current follow-up text and effect as those of ``point`` (by default the point covering
        today). A later text at the same point replaces it there; the audit log keeps the earlier one."""
        point = point or FollowUpPoint.reported_at(timezone.localdate())
        if point is None:
            return None
        entry = ActionFollowUp.objects.filter(action=self, point=point).first() or ActionFollowUp(
            action=self, point=point
        )
        entry.text, entry.effect = self.follow_up, self.effect
        user = audit_context.current_actor().user
        entry.written_by = user if getattr(user, "is_authenticated", False) else None
        entry.save()
        return entry

    def guard_transition(self, new: str, *, by: Any, note: str) -> None:
        if new == ActionStatus.DONE:
            if not (self.follow_up or note).strip():
                raise TransitionRefused(
                    gettext("Describe in the follow-up what was done before marking the action done.")
                )
            self.completed_on = timezone.localdate()
        elif self.status == ActionStatus.DONE:
            self.completed_on = None


class ActionFollowUp(AuditedModel):
    """The follow-up of an åtgärd at one follow-up point (T1, T2, VB …): what has been done, and its effect."""

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="follow_ups")
    point = models.ForeignKey(
        "organisation.FollowUpPoint", verbose_name=_("follow-up point"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("follow-up"), blank=True)
    effect = models.CharField(_("effect"), max_length=20, choices=Effect.choices, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    written_at = models.DateTimeField(_("written"), auto_now=True)

    class Meta:
        verbose_name = _("follow-up of an action")
        verbose_name_plural = _("follow-ups of actions")
        ordering = ["action", "point__ends_on", "point__order"]
        constraints = [models.UniqueConstraint(fields=["action", "point"], name="one_follow_up_per_point")]

    def __str__(self) -> str:
        return f"{self.action} – {self.point}"

    def scope_unit(self):
        return self.action.unit


class ActionStatusChange(StatusChangeBase):
    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="status_changes")


def statuses_at(actions, day: dt.date) -> dict[int, str]:
    """Each åtgärd in ``actions`` that existed at the end of ``day``, with its status then: the status it was
    created with, moved by its status changes up to that moment (a document for a past period shows the period's
    end, not today). An åtgärd completed after ``day`` was not done then, whatever its history says."""
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time.max))
    existing = actions.filter(created_at__lte=moment)
    rows = list(existing.values_list("pk", "status", "completed_on"))
    changes: dict[int, list[tuple[str, str, dt.datetime]]] = {}
    for action_id, old, new, at in (
        ActionStatusChange.objects.filter(action__in=existing.values("pk"))
        .order_by("changed_at", "id")
        .values_list("action_id", "from_status", "to_status", "changed_at")
    ):
        changes.setdefault(action_id, []).append((old, new, at))
    found = {}
    for pk, current, completed_on in rows:
        history = changes.get(pk)
        status = history[0][0] if history else current
        for _old, new, at in history or []:
            if at <= moment:
                status = new
        if status == ActionStatus.DONE and completed_on and completed_on > day:
            status = ActionStatus.IN_PROGRESS
        found[pk] = status
    return found


def follow_ups_at(actions, day: dt.date) -> dict[int, str]:
    """Each åtgärd's follow-up as written by the end of ``day``: the one at the latest follow-up point that had
    ended by then (a T1 document shows what was written for T1, not what was added in the autumn). An åtgärd never
    followed up per point has only its own follow-up text."""
    found: dict[int, str] = {}
    per_point = set()
    for action_id, text, ends_on in (
        ActionFollowUp.objects.filter(action__in=actions)
        .order_by("point__ends_on", "point__order")
        .values_list("action_id", "text", "point__ends_on")
    ):
        per_point.add(action_id)
        if ends_on <= day:
            found[action_id] = text
    for pk, text in actions.values_list("pk", "follow_up"):
        if pk not in per_point:
            found[pk] = text
    return found
