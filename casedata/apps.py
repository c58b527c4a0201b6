from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasedataConfig(AppConfig):
    name = "casedata"
    verbose_name = _("Case data")
