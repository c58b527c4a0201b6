from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table

risks = Table(
    [
        Column("title", _("Risk"), link=True),
        Column("area", _("Process or area")),
        Column("unit", _("Unit")),
        Column("probability", _("Probability")),
        Column("consequence", _("Consequence")),
        Column("level", _("Risk level")),
        Column("last_assessed_on", _("Last assessed")),
        Column("needs_review", _("Needs review")),
    ]
)
