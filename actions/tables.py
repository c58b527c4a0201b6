from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table

actions = Table(
    [
        Column("title", _("Title"), link=True),
        Column("unit", _("Unit")),
        Column("responsible", _("Responsible")),
        Column("due_on", _("Due date")),
        Column("status", _("Status")),
        Column("effect", _("Effect")),
    ]
)
