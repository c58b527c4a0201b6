from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UnitKind(models.TextChoices):
    NAMND = "namnd", _("Committee")
    FORVALTNING = "forvaltning", pgettext_lazy("unit level", "Administration")
    VERKSAMHETSOMRADE = "verksamhetsomrade", _("Area of operations")
    SEKTION = "sektion", _("Section")
    ENHET = "enhet", _("Unit")


class ProcessKind(models.TextChoices):
    HUVUD = "huvud", _("Main process")
    STOD = "stod", _("Support process")
    LEDNING = "ledning", _("Management process")


class PeriodScheme(models.TextChoices):
    TERTIAL = "tertial", _("Tertials (T1, T2, annual report)")
    DELAR = "delar", _("Interim reports (DÅ1, DÅ2, annual report)")
    KVARTAL = "kvartal", _("Quarters (K1–K3, annual report)")
    CUSTOM = "custom", _("Custom")
