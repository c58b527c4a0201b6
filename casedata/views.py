from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import generic

from audit import log as audit_log
from audit.choices import Action
from core.scope import Perm, can
from core.tables import workbook_response
from core.views import RecordListView, ScopedMixin
from indicators.models import Result

from . import tables
from .choices import CaseKind
from .compute import cases_behind
from .forms import ImportForm
from .importer import COLUMNS, ImportRefused, import_cases
from .models import Case, ImportBatch
from .rules import quarter_bounds, to_report
from .tasks import recompute_indicators


class ImportList(RecordListView):
    model = ImportBatch
    table = tables.imports
    list_select_related = ("imported_by",)
    create_url_name = "casedata:upload"


class ImportUpload(ScopedMixin, generic.View):
    """Upload a file of ärendedata: all rows are imported or none, and every error names its row and column."""

    model = ImportBatch
    perm = Perm.CREATE
    template_name = "casedata/upload.html"

    def page(self, request, form, errors=()):
        return render(
            request,
            self.template_name,
            {"form": form, "errors": errors, "columns": COLUMNS, "title": _("Import case data")},
        )

    def get(self, request):
        return self.page(request, ImportForm())

    def post(self, request):
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.page(request, form)
        upload = form.cleaned_data["file"]
        try:
            batch = import_cases(upload.read(), upload.name, by=request.user)
        except ImportRefused as refused:
            return self.page(request, form, refused.errors)
        recompute_indicators.enqueue(started_by=request.user.pk)
        messages.success(
            request,
            _("%(rows)d cases imported (%(replaced)d replaced). The indicators are being recomputed.")
            % {"rows": batch.rows, "replaced": batch.replaced},
        )
        return redirect("casedata:list")


class CasesBehindResult(ScopedMixin, generic.TemplateView):
    """The pseudonymous cases behind one computed utfall, so every figure can be traced (a logged read)."""

    model = Case
    template_name = "casedata/cases_behind.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        result = get_object_or_404(Result.objects.select_related("indicator", "point__period", "unit"), pk=kwargs["pk"])
        if not can(self.request.user, Perm.VIEW, Case, result.unit):
            raise PermissionDenied
        rows = cases_behind(result, Case.objects.visible_to(self.request.user))
        audit_log.record(Action.READ, result, note=_("Cases behind the result: %(count)d") % {"count": len(rows)})
        context.update(result=result, rows=rows)
        return context


class NotCarriedOut(ScopedMixin, generic.TemplateView):
    """Ej verkställda beslut for a reporting quarter (to IVO and the revisorer), from the imported decisions."""

    model = Case
    template_name = "casedata/not_carried_out.html"

    def quarter(self) -> tuple[int, int]:
        today = timezone.localdate()
        try:
            year = int(self.request.GET.get("year") or today.year)
            quarter = int(self.request.GET.get("quarter") or (today.month - 1) // 3 + 1)
        except ValueError:
            return today.year, (today.month - 1) // 3 + 1
        return (year, quarter) if 1 <= quarter <= 4 and 2000 <= year <= 2100 else (today.year, 1)

    def rows(self, year: int, quarter: int) -> list[dict[str, Any]]:
        bounds = quarter_bounds(year, quarter)
        decisions = (
            Case.objects.visible_to(self.request.user)
            .filter(kind=CaseKind.BESLUT, decided_on__isnull=False, decided_on__lt=bounds[1])
            .exclude(executed_on__lt=bounds[0])
            .select_related("unit")
            .order_by("decided_on", "pk")
        )
        found = []
        for case in decisions:
            if to_report(case.decided_on, case.executed_on, bounds):
                waited_until = case.executed_on or bounds[1]
                found.append({"case": case, "days": (waited_until - case.decided_on).days})
        return found

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year, quarter = self.quarter()
        rows = self.rows(year, quarter)
        audit_log.record(
            Action.READ,
            model=Case,
            note=_("Decisions not carried out, %(year)d Q%(q)d: %(n)d") % {"year": year, "q": quarter, "n": len(rows)},
        )
        context.update(
            year=year, quarter=quarter, quarters=[1, 2, 3, 4], rows=rows, bounds=quarter_bounds(year, quarter)
        )
        return context

    def render_to_response(self, context: dict[str, Any], **kwargs: Any):
        if self.request.GET.get("format") != "xlsx":
            return super().render_to_response(context, **kwargs)
        audit_log.record(Action.EXPORT, model=Case, note=f"{context['year']} Q{context['quarter']}")
        header = [
            _("Unit"),
            _("Decision date"),
            _("Intervention or reason"),
            _("Gender"),
            _("Days waited"),
            _("Carried out on"),
            _("Pseudonymous case id"),
        ]
        body = [
            [
                r["case"].unit.code,
                r["case"].decided_on,
                r["case"].reason,
                r["case"].gender,
                r["days"],
                r["case"].executed_on,
                r["case"].case_key[:16],
            ]
            for r in context["rows"]
        ]
        return workbook_response(
            {_("Not carried out"): [header, *body]}, f"ej-verkstallda-{context['year']}-q{context['quarter']}"
        )
