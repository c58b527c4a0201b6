"""The audit and access log: every change, status transition and sensitive read, never edited."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.choices import ADMINS, CHIEFS
from core.scope import Access, ScopedQuerySet

from .choices import Action, Source


class AuditEntry(models.Model):
    """One logged event: who did what to which record, when, through which channel."""

    at = models.DateTimeField(_("time"), default=timezone.now, editable=False, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField(_("person"), max_length=200, blank=True)
    action = models.CharField(_("event"), max_length=20, choices=Action.choices)
    source = models.CharField(_("channel"), max_length=20, choices=Source.choices)
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("record type"), null=True, blank=True, on_delete=models.PROTECT
    )
    object_id = models.CharField(_("record id"), max_length=64, blank=True)
    object_repr = models.CharField(_("record"), max_length=200, blank=True)
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)
    request_id = models.CharField(_("request"), max_length=32, blank=True, db_index=True)

    access: ClassVar[Access] = Access(view=CHIEFS | ADMINS)
    scope_path: ClassVar[str] = "unit__path"
    # Reading the log is the loggkontroll itself; logging those reads would only add noise to it.
    sensitive: ClassVar[bool] = False

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["actor", "at"]),
            models.Index(fields=["unit", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.get_action_display()} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionDenied("The audit log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any):
        raise PermissionDenied("The audit log cannot be changed.")

    def scope_unit(self):
        return self.unit

    def change_rows(self) -> list[tuple[str, Any, Any]]:
        """The changes as (field label, old, new), labelled with the model's own field names."""
        model = self.content_type.model_class() if self.content_type_id else None
        rows = []
        for name, (old, new) in self.changes.items():
            label = name
            if model is not None:
                try:
                    label = str(model._meta.get_field(name).verbose_name)
                except Exception:  # a field since removed from the model keeps its stored name
                    label = name
            rows.append((label, old, new))
        return rows
