"""The small abstract base every domain record shares."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, ClassVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from audit import log as audit_log
from audit.choices import Event

from . import textgate
from .scope import Access, ScopedQuerySet


def jsonable(value: Any) -> Any:
    """A value as it is written into the audit log."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def fits(table: str, **integer_digits: int) -> list[models.CheckConstraint]:
    """Database checks that each decimal field holds no more integer digits than it declares (``value=10`` for
    ``max_digits=12, decimal_places=2``). PostgreSQL refuses such a value itself; SQLite stores any number, and a
    value like 1e20 would then make every page that reads it fail, so the database refuses it there too."""
    return [
        models.CheckConstraint(
            condition=models.Q(**{f"{name}__isnull": True})
            | models.Q(**{f"{name}__lt": 10**digits, f"{name}__gt": -(10**digits)}),
            name=f"{table}_{name}_fits",
        )
        for name, digits in integer_digits.items()
    ]


class TextGated(models.Model):
    """A model whose free text passes the one text gate (``core.textgate``) on every save, whatever path saved it:
    a form, the API, a status change's note, a command or the shell. Forms and serializers ask the same gate first,
    so a person sees the refusal beside the field; this is the floor under every other path.

    Only text that is new or changed is read, so a record stored before a rule existed can still be closed.
    ``text_gate_exempt`` names fields the system writes itself (a hash, a path, an error message).
    """

    text_gate_exempt: ClassVar[frozenset[str]] = frozenset()

    class Meta:
        abstract = True

    def refused_text(self) -> dict[str, list[str]]:
        """The free-text fields the gate refuses, with why: ``{field: [message]}``."""
        loaded = getattr(self, "_loaded_values", {})
        refused = {}
        for field in self._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField) or field.choices:
                continue
            if field.name in self.text_gate_exempt:
                continue
            value = getattr(self, field.attname)
            if not isinstance(value, str) or (field.attname in loaded and loaded[field.attname] == value):
                continue
            if message := textgate.problem(value):
                refused[field.name] = [message]
        return refused

    def save(self, *args: Any, **kwargs: Any) -> None:
        if refused := self.refused_text():
            raise ValidationError(refused)
        super().save(*args, **kwargs)


class AuditedModel(TextGated):
    """A model whose every create and change is written to the audit log, whatever path saved it.

    The values as loaded are kept, so the log names each changed field with its old and new value.
    Fields in ``audit_exclude`` are not tracked (derived or noisy); fields in ``audit_redact`` are
    logged as changed without their values.
    """

    audit_exclude: ClassVar[frozenset[str]] = frozenset({"created_at", "updated_at"})
    audit_redact: ClassVar[frozenset[str]] = frozenset()
    sensitive: ClassVar[bool] = False

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_values = dict(zip(field_names, values, strict=True))
        return instance

    def _tracked_fields(self):
        return [f for f in self._meta.concrete_fields if f.name not in self.audit_exclude and not f.primary_key]

    def tracked_changes(self) -> dict[str, list[Any]]:
        """Fields that differ from what was loaded, as ``{name: [old, new]}``."""
        loaded = getattr(self, "_loaded_values", {})
        creating = self._state.adding
        changes: dict[str, list[Any]] = {}
        for field in self._tracked_fields():
            new = getattr(self, field.attname)
            if creating:
                if new in (None, "", [], {}):
                    continue
                old = None
            else:
                if field.attname not in loaded:
                    continue  # deferred field, not loaded and so not changed here
                old = loaded[field.attname]
                if old == new:
                    continue
            if field.name in self.audit_redact:
                changes[field.name] = ["••••" if old else None, "••••"]
            else:
                changes[field.name] = [jsonable(old), jsonable(new)]
        return changes

    def scope_unit(self):
        """The organisation unit this record belongs to: its access scope and its log entries' unit."""
        return getattr(self, "unit", None)

    def save(self, *args: Any, **kwargs: Any) -> None:
        creating = self._state.adding
        changes = self.tracked_changes()
        # A workflow transition marks its save so the log calls it a status change, with its note.
        action = getattr(self, "_audit_action", None) or (Event.CREATE if creating else Event.UPDATE)
        note = getattr(self, "_audit_note", "")
        self._audit_action = self._audit_note = None
        with transaction.atomic():
            super().save(*args, **kwargs)
            if creating or changes:
                audit_log.record(action, self, changes=changes, note=note or "")
        self._loaded_values = {f.attname: getattr(self, f.attname) for f in self._meta.concrete_fields}


def _names(records) -> str:
    return ", ".join(sorted(str(r) for r in records)) or "–"


def log_many_to_many(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    """Log a change of an audited record's many-to-many field (root causes, a goal's units …) with the items
    added and removed, whichever side changed it (``m2m_changed``, connected in ``core.apps``)."""
    adding = action == "post_add"
    if reverse:
        # action.deviations.add(d) changes d's field: the entry is d's. (Nothing clears from the far side.)
        if action in ("post_add", "post_remove") and pk_set:
            field = next(f for f in model._meta.many_to_many if f.remote_field.through is sender)
            for record in model._default_manager.filter(pk__in=pk_set):
                changed = {instance.pk}
                _log_change(record, field, added=changed if adding else set(), removed=set() if adding else changed)
        return
    field = next(f for f in type(instance)._meta.many_to_many if f.remote_field.through is sender)
    if action == "pre_clear":
        instance._m2m_clearing = set(getattr(instance, field.name).values_list("pk", flat=True))
    elif action == "post_clear" and getattr(instance, "_m2m_clearing", None):
        _log_change(instance, field, added=set(), removed=instance._m2m_clearing)
    elif action in ("post_add", "post_remove") and pk_set:
        _log_change(instance, field, added=set(pk_set) if adding else set(), removed=set() if adding else set(pk_set))


def _log_change(record, field, *, added: set, removed: set) -> None:
    related = field.related_model._default_manager
    now = set(getattr(record, field.name).values_list("pk", flat=True))
    before = (now - added) | removed
    names = {r.pk: r for r in related.filter(pk__in=now | before)}
    note = "; ".join(
        part
        for part in (
            f"+ {_names(names[pk] for pk in added if pk in names)}" if added else "",
            f"− {_names(names[pk] for pk in removed if pk in names)}" if removed else "",
        )
        if part
    )
    audit_log.record(
        Event.UPDATE,
        record,
        changes={
            field.name: [
                _names(names[pk] for pk in before if pk in names),
                _names(names[pk] for pk in now if pk in names),
            ]
        },
        note=note,
    )


class BaseRecord(AuditedModel):
    """A domain record: audited, scoped by organisation unit, closed rather than deleted."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    access: ClassVar[Access]
    scope_path: ClassVar[str | None] = "unit__path"
    # People who see the record whatever their roles (e.g. its reporter), and may change it if allowed.
    owner_fields: ClassVar[tuple[str, ...]] = ()
    owners_may_change: ClassVar[bool] = False

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    def delete(self, *args: Any, **kwargs: Any):
        raise PermissionDenied("Records are closed, never deleted.")


class TextIndexed(models.Model):
    """A record whose ``text_fields`` are kept in the similarity index (core.textindex).

    The index is rewritten only when the record is new or one of those fields (or its unit) changed,
    not on every status change.
    """

    text_kind: ClassVar[str]
    text_fields: ClassVar[tuple[str, ...]]

    class Meta:
        abstract = True

    def indexed_text(self) -> str:
        return " ".join(getattr(self, name) or "" for name in self.text_fields)

    def save(self, *args: Any, **kwargs: Any) -> None:
        from . import textindex

        reindex = self._state.adding or bool({*self.text_fields, "unit"} & self.tracked_changes().keys())
        super().save(*args, **kwargs)
        if reindex:
            textindex.index(self.text_kind, self.pk, self.unit_id, self.indexed_text())


class TextTerm(models.Model):
    """One stem of one indexed record's text (see core.textindex)."""

    kind = models.CharField(max_length=30)
    record_id = models.BigIntegerField()
    unit = models.ForeignKey("organisation.Unit", null=True, on_delete=models.PROTECT, related_name="+")
    stem = models.CharField(max_length=60)
    count = models.PositiveSmallIntegerField(default=1)

    class Meta:
        indexes = [
            # Covers the similarity and theme queries (index-only scans on PostgreSQL).
            models.Index(fields=["kind", "stem", "record_id", "unit_id"], name="core_textterm_postings"),
            models.Index(fields=["kind", "record_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.record_id}:{self.stem}"
