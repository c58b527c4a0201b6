from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The roles of the ledningssystem. A role held at a unit covers that unit's whole subtree."""

    MEDARBETARE = "medarbetare", _("Employee")
    ENHETSCHEF = "enhetschef", _("Unit manager")
    VERKSAMHETSCHEF = "verksamhetschef", _("Head of operations")
    KVALITETSUTVECKLARE = "kvalitetsutvecklare", _("Quality developer")
    PROCESSAGARE = "processagare", _("Process owner")
    MAS = "mas", _("Medically responsible nurse (MAS)")
    NAMNDLEDAMOT = "namndledamot", _("Committee member")
    ADMINISTRATOR = "administrator", _("Administrator")


CHIEFS = frozenset({Role.ENHETSCHEF, Role.VERKSAMHETSCHEF})
ADMINS = frozenset({Role.ADMINISTRATOR})
# Everyone who works in the organisation; nämndledamöter are elected members, not staff, and see
# aggregates only.
STAFF = frozenset(Role) - {Role.NAMNDLEDAMOT}
