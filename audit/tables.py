from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table


def _changes(entry) -> str:
    return "; ".join(f"{label}: {old if old is not None else '–'} → {new}" for label, old, new in entry.change_rows())


entries = Table(
    [
        Column("at", _("Time")),
        Column("actor_name", _("Person")),
        Column("action", _("Event")),
        Column("source", _("Channel")),
        Column("content_type", _("Record type"), value=lambda e: e.content_type.name if e.content_type else ""),
        Column("object_repr", _("Record")),
        Column("object_id", _("Record id")),
        Column("unit", _("Unit")),
        Column("changes", _("Changes"), value=_changes),
        Column("note", _("Note")),
    ]
)
