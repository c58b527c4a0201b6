from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table
from core.views import RecordDetailView, RecordListView

from .models import Survey

surveys = Table(
    [
        Column("name", _("Survey"), link=True),
        Column("unit", _("Unit")),
        Column("year", _("Year")),
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


class SurveyDetail(RecordDetailView):
    model = Survey
    list_select_related = ("unit",)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["questions"] = self.object.questions.all()
        return context
