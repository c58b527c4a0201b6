from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table

people = Table(
    [
        Column("username", _("Username"), link=True),
        Column("name", _("Name"), value=lambda u: u.get_full_name(), link=True),
        Column("title", _("Job title")),
        Column("email", _("Email")),
        Column("is_active", _("Active")),
    ]
)

memberships = Table(
    [
        Column("user", _("Person"), link=True),
        Column("role", _("Role")),
        Column("unit", _("Unit")),
        Column("valid_from", _("Valid from")),
        Column("valid_to", _("Valid to")),
    ]
)
