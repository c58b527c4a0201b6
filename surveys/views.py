from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table
from core.views import ImportView, RecordDetailView, RecordListView

from .importer import COLUMNS, import_surveys
from .models import Survey

surveys = Table(
    [
        Column("name", _("Survey"), link=True),
        Column("unit", _("Unit")),
        Column("year", _("Year"), value=lambda survey: str(survey.year)),  # a year: no grouping
        Column("get_source_display", _("Source")),
        Column("answered", _("Answered")),
        Column("distributed", _("Distributed")),
        Column("response_rate", _("Response rate (per cent)")),
    ]
)


class SurveyList(RecordListView):
    model = Survey
    table = surveys
    list_select_related = ("unit",)
    create_url_name = "surveys:upload"


class SurveyUpload(ImportView):
    model = Survey
    columns = COLUMNS
    title = _("Import survey results")
    format_help = _(
        "One row per survey, unit and question: the survey's name, the unit's code, the year, the source "
        "(nationell for SKR's national survey, egen for your own), how many were asked and how many answered, "
        "the question's code and text, the share answering positively (per cent) and the national average when "
        "known. A question whose code an indicator names gives that indicator its result."
    )

    def run(self, form, data: bytes, file_name: str) -> tuple[str, str]:
        imported = import_surveys(data, file_name, by=self.request.user)
        return gettext("%(n)d surveys imported.") % {"n": len(imported)}, reverse("surveys:list")


class SurveyDetail(RecordDetailView):
    model = Survey
    list_select_related = ("unit",)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["questions"] = self.object.questions.all()
        return context
