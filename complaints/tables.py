from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table


def _summary(complaint) -> str:
    # Lists and exports never carry the text of a confidential one, whoever reads them.
    if complaint.confidential:
        return str(_("Confidential"))
    return Truncator(complaint.description).chars(80)


complaints = Table(
    [
        Column("reference", _("Reference"), link=True),
        Column("received_on", _("Received")),
        Column("kind", _("Kind")),
        Column("unit", _("Unit")),
        Column("category", _("Concerns")),
        Column("status", _("Status")),
        Column("summary", _("Summary"), value=_summary),
    ]
)
