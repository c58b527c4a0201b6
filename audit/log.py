"""The one audit call: ``record(action, obj, ...)``."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType

from .context import current_actor


def logged_filter(querystring: str) -> str:
    """A list's filter as the log keeps it: readable, and without a personnummer someone searched for."""
    from urllib.parse import unquote_plus

    from core.personnummer import redacted

    return redacted(unquote_plus(querystring or "")) or "–"


def record(
    action: str,
    obj: Any = None,
    *,
    changes: dict[str, Any] | None = None,
    note: str = "",
    unit: Any = None,
    model: type | None = None,
):
    """Write one entry to the audit log for ``obj`` (or for ``model`` when no single record is concerned).

    The person and channel come from :mod:`audit.context`; the unit from ``obj.scope_unit()``
    unless given.
    """
    from .models import AuditEntry

    actor = current_actor()
    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    if unit is None and obj is not None and hasattr(obj, "scope_unit"):
        unit = obj.scope_unit()
    content_type = None
    if obj is not None:
        content_type = ContentType.objects.get_for_model(obj)
    elif model is not None:
        content_type = ContentType.objects.get_for_model(model)
    return AuditEntry.objects.create(
        actor=user,
        actor_name=(user.get_full_name() or user.get_username()) if user else "",
        action=action,
        source=actor.source,
        content_type=content_type,
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=str(obj)[:200] if obj is not None else "",
        unit=unit,
        changes=changes or {},
        note=note,
        request_id=actor.request_id,
    )
