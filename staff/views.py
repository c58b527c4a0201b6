from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table
from core.views import ImportView, RecordListView

from .importer import COLUMNS, import_staff
from .models import StaffFigure

figures = Table(
    [
        Column("unit", _("Unit")),
        Column("year", _("Year"), value=lambda figure: str(figure.year)),  # a year: no grouping
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
    create_url_name = "staff:upload"


class StaffUpload(ImportView):
    model = StaffFigure
    columns = COLUMNS
    title = _("Import staff figures")
    format_help = _(
        "One row per unit, year, period, measure and gender: personer (number of people) and arsarbetare "
        "(full-time equivalents) for the year, sjukfranvaro (sick leave, per cent; also sjukfranvaro_kort and "
        "sjukfranvaro_lang) per period; gender K, M or T for all. A total must equal women plus men."
    )

    def run(self, form, data: bytes, file_name: str) -> tuple[str, str]:
        count = import_staff(data, file_name, by=self.request.user)
        return gettext("%(n)d figures imported.") % {"n": count}, reverse("staff:list")
