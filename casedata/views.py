from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from audit import log as audit_log
from audit.choices import Action
from core.imports import ImportRefused
from core.scope import Perm, can
from core.tables import workbook_response
from core.views import ImportView, RecordCreateView, RecordListView, RecordUpdateView, ScopedMixin
from indicators.models import Result

from . import tables
from .compute import cases_behind, not_carried_out
from .forms import ColumnMappingForm, ImportForm
from .importer import COLUMNS, ReplacementNeeded, import_cases
from .models import Case, ColumnMapping, ImportBatch
from .rules import reporting_dates, reporting_window
from .tasks import recompute_indicators


class ImportList(RecordListView):
    model = ImportBatch
    table = tables.imports
    list_select_related = ("imported_by",)
    create_url_name = "casedata:upload"


PENDING_SALT = "casedata.pending-import"
PENDING_SECONDS = 2 * 3600  # a kept file can be confirmed for two hours


class ImportUpload(ImportView):
    """Upload a file of ärendedata, optionally through a saved column mapping; the indicators are then
    recomputed in the background."""

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

    template_name = "casedata/import_form.html"

    def form_valid(self, form) -> HttpResponse:
        """Import the upload, or the kept file the person confirms; a file that would replace cases already
        imported is kept and shown with what it replaces, per unit, until the person confirms."""
        pending = form.cleaned_data.get("pending")
        if pending:
            try:
                kept = signing.loads(pending, salt=PENDING_SALT, max_age=PENDING_SECONDS)
            except signing.BadSignature:
                kept = None
            if kept is None or kept["user"] != self.request.user.pk or not default_storage.exists(kept["path"]):
                form.add_error("file", _("The file kept for confirmation is gone; upload it again."))
                return self.form_invalid(form)
            with default_storage.open(kept["path"]) as stored:
                data, file_name = stored.read(), kept["name"]
        else:
            upload = form.cleaned_data["file"]
            data, file_name = upload.read(), upload.name
        try:
            message, url = self.run(form, data, file_name)
        except ImportRefused as refused:
            return self.render_to_response(self.get_context_data(form=form, errors=refused.errors))
        except ReplacementNeeded as needed:
            if not pending:
                path = default_storage.save(f"pending-imports/{uuid.uuid4().hex}.bin", ContentFile(data))
                pending = signing.dumps(
                    {"path": path, "name": file_name, "user": self.request.user.pk}, salt=PENDING_SALT
                )
            first, last = needed.overlap.period
            mapping = form.cleaned_data.get("mapping")
            confirm = ImportForm(
                initial={"pending": pending, "replace_period": f"{first}:{last}", "mapping": mapping and mapping.pk},
                user=self.request.user,
            )
            context = self.get_context_data(form=form, overlap=needed.overlap, confirm_form=confirm)
            return self.render_to_response(context)
        if pending:
            default_storage.delete(kept["path"])
        messages.success(self.request, message)
        return redirect(url)

    def run(self, form, data: bytes, file_name: str) -> tuple[str, str]:
        batch = import_cases(
            data,
            file_name,
            by=self.request.user,
            mapping=form.cleaned_data["mapping"],
            replace_period=form.cleaned_data.get("replace_period"),
        )
        recompute_indicators.enqueue(started_by=self.request.user.pk)
        message = _("%(rows)d cases imported (%(replaced)d replaced). The indicators are being recomputed.") % {
            "rows": batch.rows,
            "replaced": batch.replaced,
        }
        return message, reverse("casedata:list")


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
        audit_log.record(Action.READ, result, note=_("Cases behind the result: %(count)d") % {"count": len(rows)})
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
        try:
            year = int(self.request.GET.get("year") or today.year)
            number = int(self.request.GET.get("period") or current)
        except ValueError:
            return today.year, current
        return (year, number) if 1 <= number <= len(dates) and 2000 <= year <= 2100 else (today.year, current)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year, number = self.period()
        window = reporting_window(year, number)
        rows = not_carried_out(Case.objects.visible_to(self.request.user), window)
        audit_log.record(
            Action.READ,
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
        audit_log.record(Action.EXPORT, model=Case, note=f"{context['window'][0]}–{context['window'][1]}")
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
