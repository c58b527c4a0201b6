from django.db import models
from django.utils.translation import gettext_lazy as _


class Ledger(models.TextChoices):
    OPERATING = "drift", _("Operating (drift)")
    INVESTMENT = "investering", _("Investment")


class Breakdown(models.TextChoices):
    ACTIVITY = "verksamhet", _("By activity and process")
    COST_TYPE = "kostnadsslag", _("By type of cost and income")
