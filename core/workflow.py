"""Status pipelines: states as TextChoices, a map of allowed transitions, one ``transition_to``.

A model using :class:`WorkflowMixin` declares ``TRANSITIONS = {state: {next states}}`` and a
status-change model (subclass of :class:`StatusChangeBase`) with ``related_name="status_changes"``.
``transition_to`` checks the map and the model's own guards, saves atomically, writes the
status-change row and logs the transition. Forms offer ``allowed_transitions()``; views and the
API only call ``transition_to``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from audit.choices import Event

from .models import TextGated


class TransitionRefused(ValidationError):
    """A status change that the map or a rule does not allow; its message says why, in Swedish."""


class StatusChangeBase(TextGated):
    """One row of a record's status history."""

    from_status = models.CharField(_("from status"), max_length=30)
    to_status = models.CharField(_("to status"), max_length=30)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        abstract = True
        ordering = ["changed_at", "id"]

    def _label(self, value: str) -> str:
        record_field = next(f for f in self._meta.fields if f.is_relation and f.name != "changed_by")
        choices = record_field.related_model._meta.get_field("status").choices
        return str(dict(choices).get(value, value))

    @property
    def from_status_label(self) -> str:
        return self._label(self.from_status)

    @property
    def to_status_label(self) -> str:
        return self._label(self.to_status)


class WorkflowMixin:
    """Mixed into a BaseRecord with a ``status`` field."""

    TRANSITIONS: ClassVar[dict[str, set[str]]]
    status: str

    def allowed_transitions(self) -> list[str]:
        """The next states the map allows from the current one (guards may still refuse)."""
        choices = type(self)._meta.get_field("status").choices
        allowed = self.TRANSITIONS.get(self.status, set())
        return [value for value, _label in choices if value in allowed]

    def guard_transition(self, new: str, *, by: Any, note: str) -> None:
        """Model-specific rules; raise :class:`TransitionRefused` to refuse."""

    def status_label(self, value: str) -> str:
        return str(dict(type(self)._meta.get_field("status").choices).get(value, value))

    def transition_to(self, new: str, *, by: Any, note: str = "") -> None:
        with transaction.atomic():
            current = type(self).objects.select_for_update().only("status").get(pk=self.pk).status
            if current != self.status:
                raise TransitionRefused(
                    gettext("Someone else changed the status meanwhile. Reload the page and try again.")
                )
            if new not in self.TRANSITIONS.get(current, set()):
                raise TransitionRefused(
                    gettext("The status cannot change from “%(old)s” to “%(new)s”.")
                    % {"old": self.status_label(current), "new": self.status_label(new)}
                )
            self.guard_transition(new, by=by, note=note)
            self.status = new
            self._audit_action = Event.TRANSITION
            self._audit_note = note
            self.save()
            self.status_changes.create(from_status=current, to_status=new, changed_by=by, note=note)


def is_stalled(
    status: str, last_sign_of_life: dt.datetime, now: dt.datetime, after: dt.timedelta, waiting=("queued", "running")
) -> bool:
    """Whether background work in a ``waiting`` status has stalled: no sign of life for ``after``, so the worker
    that had it has died and it will never finish on its own (shown as failed, with a way to try again)."""
    return status in waiting and now - last_sign_of_life > after
