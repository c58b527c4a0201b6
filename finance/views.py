from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit import log as audit_log
from audit.choices import Event
from core.tables import Column, Table, workbook_response
from core.views import ImportView, RecordDetailView, RecordListView

from .forms import StatementForm
from .importer import COLUMNS, import_statement
from .models import FinanceReport

statements = Table(
    [
        Column("__str__", gettext_lazy("Statement"), link=True),
        Column("unit", gettext_lazy("Unit")),
        Column("created_at", gettext_lazy("Imported")),
        Column("is_current", gettext_lazy("Current")),
    ]
)


class StatementList(RecordListView):
    model = FinanceReport
    table = statements
    list_select_related = ("point__period", "unit")
    create_url_name = "finance:upload"


class StatementDetail(RecordDetailView):
    """The statement as the driftredovisning shows it: budget, prognos and avvikelse per row, totals in bold."""

    model = FinanceReport
    list_select_related = ("point__period", "unit")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["lines"] = list(self.object.lines.all())
        return context

    def render_to_response(self, context: dict[str, Any], **kwargs: Any):
        if self.request.GET.get("format") != "xlsx":
            return super().render_to_response(context, **kwargs)
        audit_log.record(Event.EXPORT, self.object)
        header = [_("Name"), _("Budget"), _("Forecast"), _("Deviation"), _("Outcome")]
        body = [[line.name, line.budget, line.forecast, line.deviation, line.outcome] for line in context["lines"]]
        return workbook_response({str(self.object)[:31]: [header, *body]}, "ekonomi")


class StatementUpload(ImportView):
    model = FinanceReport
    form_class = StatementForm
    columns = COLUMNS
    title = gettext_lazy("Import a financial statement")
    format_help = gettext_lazy(
        "One row per line of the statement, in order. The level is 0 for the grand total, 1 for a "
        "verksamhetsområde or a main type, 2 for a process or a type below it. A heading row is checked against "
        "the rows below it; a row marked as total (summa = ja) against the rows just above it. Figures in tkr, "
        "written as in the report (−12 700 or -12700)."
    )

    def run(self, form, data: bytes, file_name: str) -> tuple[str, str]:
        fields = form.cleaned_data
        report = import_statement(
            data,
            file_name,
            point=fields["point"],
            unit=fields["unit"],
            breakdown=fields["breakdown"],
            ledger=fields["ledger"],
            by=self.request.user,
        )
        return _("The statement is imported."), report.get_absolute_url()
