from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table

templates = Table(
    [
        Column("name", _("Name"), link=True),
        Column("unit", _("Unit")),
        Column("is_active", _("In use")),
    ]
)
