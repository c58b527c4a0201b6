from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table

goals = Table(
    [
        Column("title", _("Goal"), link=True),
        Column("get_kind_display", _("Kind")),
        Column("year", _("Year"), value=lambda goal: str(goal.year)),  # a year, not a quantity: no grouping
        Column("unit", _("Unit")),
        Column("responsible", _("Responsible")),
    ]
)
