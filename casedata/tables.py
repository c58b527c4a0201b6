from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table

imports = Table(
    [
        Column("file_name", _("File")),
        Column("created_at", _("Imported")),
        Column("imported_by", _("Imported by")),
        Column("period_start", _("From")),
        Column("period_end", _("To")),
        Column("rows", _("Rows")),
        Column("replaced", _("Replaced")),
    ]
)

mappings = Table(
    [
        Column("name", _("Name"), link=True),
        Column("unit", _("Unit")),
        Column("is_active", _("In use")),
    ]
)
