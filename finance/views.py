from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from audit import log as audit_log
from audit.choices import Action
from core.scope import Perm
from core.tables import Column, Table, workbook_response
from core.views import RecordDetailView, RecordListView, ScopedMixin

from .forms import StatementForm
from .importer import COLUMNS, ImportRefused, import_statement
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
        audit_log.record(Action.EXPORT, self.object)
        header = [_("Name"), _("Budget"), _("Forecast"), _("Deviation"), _("Outcome")]
        body = [[line.name, line.budget, line.forecast, line.deviation, line.outcome] for line in context["lines"]]
        return workbook_response({str(self.object)[:31]: [header, *body]}, "ekonomi")


class StatementUpload(ScopedMixin, generic.View):
    model = FinanceReport
    perm = Perm.CREATE

    def page(self, request, form, errors=()):
        return render(
            request,
            "finance/upload.html",
            {"form": form, "errors": errors, "columns": COLUMNS, "title": _("Import a financial statement")},
        )

    def get(self, request):
        return self.page(request, StatementForm(user=request.user))

    def post(self, request):
        form = StatementForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return self.page(request, form)
        data = form.cleaned_data
        try:
            report = import_statement(
                data["file"].read(),
                data["file"].name,
                point=data["point"],
                unit=data["unit"],
                breakdown=data["breakdown"],
                ledger=data["ledger"],
                by=request.user,
            )
        except ImportRefused as refused:
            return self.page(request, form, refused.errors)
        messages.success(request, _("The statement is imported."))
        return redirect(report.get_absolute_url())
