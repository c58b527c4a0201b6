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

from .choices import Event, Source


def _reader(field, names: dict[tuple[Any, str], str]):
    """How a stored value of ``field`` is shown: its choice's label, a related name looked up, else as stored."""
    if field.choices:
        labels = {str(key): str(label) for key, label in field.flatchoices}
        return lambda value: labels.get(str(value), value) if value is not None else None
    if field.is_relation and field.many_to_one:
        model = field.related_model
        return lambda value: names.get((model, str(value)), value) if value is not None else None
    return lambda value: value


# The related records whose names the log shows: people and units. Each is looked up through the reader's scope
# (units are read across the tree; people only where the reader may see them), so a name outside it stays a number.
NAMED_MODELS = ("accounts.User", "organisation.Unit")


def name_related(entries: list[Any], reader: Any) -> list[Any]:
    """Look up, in one query per kind and through ``reader``'s scope, the people and units the entries' changes
    refer to by number, so that :meth:`AuditEntry.change_rows` shows "beslutad av: – → Anna Andersson", not "– → 3"."""
    wanted: dict[Any, set[str]] = {}
    for entry in entries:
        model = entry.content_type.model_class() if entry.content_type_id else None
        if model is None:
            continue
        for name, values in entry.changes.items():
            try:
                field = model._meta.get_field(name)
            except Exception:
                continue
            if field.is_relation and field.many_to_one and field.related_model._meta.label in NAMED_MODELS:
                wanted.setdefault(field.related_model, set()).update(str(v) for v in values if v is not None)
    names: dict[tuple[Any, str], str] = {}
    for model, pks in wanted.items():
        for obj in model.objects.visible_to(reader).filter(pk__in=[p for p in pks if p.isascii() and p.isdigit()]):
            full_name = obj.get_full_name() if hasattr(obj, "get_full_name") else ""
            names[(model, str(obj.pk))] = full_name or str(obj)
    for entry in entries:
        entry.related_names = names
    return entries


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
    action = models.CharField(_("event"), max_length=20, choices=Event.choices)
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
        """The changes as (field label, old, new) as a person reads them: the model's own field names, a choice's
        label rather than its stored key, and a person's or unit's name rather than its number where the page
        looked the names up (:func:`name_related`)."""
        model = self.content_type.model_class() if self.content_type_id else None
        names = self.__dict__.get("related_names", {})
        rows = []
        for name, (old, new) in self.changes.items():
            label, shown = name, lambda value: value
            if model is not None:
                try:
                    field = model._meta.get_field(name)
                except Exception:  # a field since removed from the model keeps its stored name
                    field = None
                if field is not None:
                    label = str(field.verbose_name)
                    shown = _reader(field, names)
            rows.append((label, shown(old), shown(new)))
        return rows
