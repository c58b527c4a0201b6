from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table

indicators = Table(
    [
        Column("code", _("Code"), link=True),
        Column("name", _("Name")),
        Column("get_measure_display", _("Unit of measure")),
        Column("get_better_display", _("Better")),
        Column("get_source_display", _("Source")),
        Column("kolada_kpi", _("Kolada KPI")),
        Column("unit", _("Unit")),
    ]
)
