from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from audit import log as audit_log
from audit.choices import Event
from core import params
from core.scope import Perm, can, can_change
from core.tables import workbook_response
from core.views import ImportView, RecordCreateView, RecordListView, RecordUpdateView, ScopedMixin
from indicators.models import Result
from organisation.models import Unit

from . import tables
from .choices import JobStatus
from .compute import cases_behind, not_carried_out
from .forms import ColumnMappingForm, ImportForm
from .importer import COLUMNS
from .models import Case, ColumnMapping, ImportBatch, ImportJob
from .rules import reporting_dates, reporting_window
from .tasks import import_upload


class ImportList(RecordListView):
    model = ImportBatch
    table = tables.imports
    list_select_related = ("imported_by",)
    create_url_name = "casedata:upload"


class ImportUpload(ImportView):
    """Upload a file of ärendedata, optionally through a saved column mapping. The file is kept on disk and
    imported in the background; the person is taken to the upload's page, which shows how far it has come."""

    model = ImportBatch
    form_class = ImportForm
    columns = COLUMNS
    title = gettext_lazy("Import case data")
    format_help = gettext_lazy(
        "One row per case, with a header row. The case id is the source system's number; it is stored only as a "
        "pseudonymous key, and a personnummer is refused. Dates as 2026-03-31 (also 20260331, 31/3/2026 or "
        "31.3.2026). For a decision whose carrying out was interrupted, avbrott and aterupptagen give the days it "
        "stopped and started again (optional columns). Dates before 1990 or after next year are refused. A file "
        "that overlaps cases already imported for its units is not imported at once: the page shows what it would "
        "replace, per unit, and replaces only when you confirm (the replaced cases are kept, marked as replaced)."
    )

    def form_valid(self, form) -> HttpResponse:
        upload = form.cleaned_data["file"]  # over 2.5 MB Django has streamed it to a temporary file already
        job = ImportJob.objects.create(
            file=upload,
            file_name=upload.name[:255],
            unit=self.request.user.scope_unit() or Unit.objects.filter(parent=None).first(),
            mapping=form.cleaned_data["mapping"],
            created_by=self.request.user,
        )
        import_upload.enqueue(job.pk)
        return redirect(job.get_absolute_url())


class JobDetail(ScopedMixin, generic.DetailView):
    """An upload: its progress while it is imported, then its row errors, what it would replace, or the import."""

    model = ImportJob
    template_name = "casedata/job.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            ImportJob.objects.visible_to(self.request.user).select_related("batch"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        job = self.object
        may = can_change(self.request.user, job)
        context.update(
            title=str(job),
            # Done importing but still computing the indicators: the page keeps asking until it can say what.
            running=(
                job.status in (JobStatus.QUEUED, JobStatus.RUNNING)
                or (job.status == JobStatus.DONE and not job.outcome)
            )
            and not job.is_stalled,
            stalled=job.is_stalled,
            can_retry=may and (job.is_stalled or job.status == JobStatus.FAILED) and bool(job.file),
            can_confirm=may and job.status == JobStatus.CONFIRM,
        )
        return context


class JobAction(ScopedMixin, generic.View):
    """Run an upload again: after the person confirmed what it replaces, or after its worker died."""

    model = ImportJob
    perm = Perm.CHANGE

    def post(self, request, pk: int):
        job = get_object_or_404(ImportJob.objects.visible_to(request.user), pk=pk)
        if not can_change(request.user, job):
            raise PermissionDenied
        if request.POST.get("confirm") and job.status == JobStatus.CONFIRM:
            first, last = job.overlap["period"]
            job.replace_from, job.replace_to = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        elif not (job.is_stalled or job.status == JobStatus.FAILED) or not job.file:
            raise PermissionDenied
        job.status = JobStatus.QUEUED
        job.save()
        import_upload.enqueue(job.pk)
        return redirect(job.get_absolute_url())


class MappingList(RecordListView):
    model = ColumnMapping
    table = tables.mappings
    list_select_related = ("unit",)
    create_url_name = "casedata:mapping_create"


class MappingCreate(RecordCreateView):
    model = ColumnMapping
    form_class = ColumnMappingForm


class MappingUpdate(RecordUpdateView):
    model = ColumnMapping
    form_class = ColumnMappingForm


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
        audit_log.record(Event.READ, result, note=_("Cases behind the result: %(count)d") % {"count": len(rows)})
        context.update(result=result, rows=rows)
        return context


class NotCarriedOut(ScopedMixin, generic.TemplateView):
    """Ej verkställda beslut for a reporting period (to IVO and the revisorer), from the imported decisions."""

    model = Case
    template_name = "casedata/not_carried_out.html"

    def period(self) -> tuple[int, int]:
        today = timezone.localdate()
        dates = reporting_dates()
        current = next((n for n, (m, d) in enumerate(dates, start=1) if (today.month, today.day) <= (m, d)), 1)
        year = params.year(self.request, today.year)
        return year, params.whole_number(self.request, "period", current, 1, len(dates), label=_("period"))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year, number = self.period()
        window = reporting_window(year, number)
        rows = not_carried_out(Case.objects.visible_to(self.request.user), window)
        audit_log.record(
            Event.READ,
            model=Case,
            note=_("Decisions not carried out, %(start)s–%(end)s: %(n)d")
            % {"start": window[0], "end": window[1], "n": len(rows)},
        )
        context.update(
            year=year,
            period=number,
            periods=list(range(1, len(reporting_dates()) + 1)),
            rows=rows,
            window=window,
        )
        return context

    def render_to_response(self, context: dict[str, Any], **kwargs: Any):
        if self.request.GET.get("format") != "xlsx":
            return super().render_to_response(context, **kwargs)
        audit_log.record(Event.EXPORT, model=Case, note=f"{context['window'][0]}–{context['window'][1]}")
        header = [
            _("Unit"),
            _("Decision date"),
            _("Intervention or reason"),
            _("Gender"),
            _("Days waited"),
            _("Carried out on"),
            _("Interrupted on"),
            _("Carried out again on"),
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
                r["case"].interrupted_on if r["interrupted"] else None,
                r["case"].resumed_on if r["interrupted"] else None,
                r["case"].case_key[:16],
            ]
            for r in context["rows"]
        ]
        return workbook_response(
            {_("Not carried out"): [header, *body]}, f"ej-verkstallda-{context['year']}-{context['period']}"
        )
