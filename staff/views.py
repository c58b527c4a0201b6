from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table
from core.views import RecordListView

from .models import StaffFigure

figures = Table(
    [
        Column("unit", _("Unit")),
        Column("year", _("Year")),
        Column("period", _("Period")),
        Column("get_measure_display", _("Measure")),
        Column("get_gender_display", _("Gender")),
        Column("value", _("Value")),
    ]
)


class StaffFigureList(RecordListView):
    model = StaffFigure
    table = figures
    list_select_related = ("unit",)
