from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import generic

from audit import log as audit_log
from audit.choices import Action
from core.scope import Perm, can
from core.views import RecordListView, ScopedMixin
from indicators.models import Result

from . import tables
from .compute import cases_behind
from .forms import ImportForm
from .importer import COLUMNS, ImportRefused, import_cases
from .models import Case, ImportBatch
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
        return render(request, self.template_name, {"form": form, "errors": errors, "columns": COLUMNS})

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
