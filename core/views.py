"""Base views: every list, detail, form and export reaches records only through the scope query."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import generic

from audit import log as audit_log
from audit.choices import Event

from . import params
from .forms import ImportFileForm, StatisticsForm, TransitionForm
from .imports import ImportRefused
from .scope import Perm, can, can_change, for_aggregates, has_access
from .tables import Table, export_response, workbook_response
from .workflow import TransitionRefused


class ScopedMixin(LoginRequiredMixin):
    """A view over one scoped model. Refuses (403) a user who holds no role that may ``perm`` it."""

    model: Any
    perm: Perm = Perm.VIEW
    list_select_related: tuple[str, ...] = ()
    as_owner = False  # edit pages also open to a record's owners where the model allows it

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated and not has_access(
            request.user, self.perm, self.model, as_owner=self.as_owner
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def scoped(self, perm: Perm = Perm.VIEW):
        qs = self.model.objects.visible_to(self.request.user, perm)
        return qs.select_related(*self.list_select_related) if self.list_select_related else qs


class ImportView(ScopedMixin, generic.FormView):
    """An upload page for one importer: the file is imported whole, or nothing is and every error is listed
    with its row and column. Subclasses give ``run`` (import, return the message and where to go next)."""

    perm = Perm.CREATE
    template_name = "core/import_form.html"
    form_class: Any = None
    columns: list[str] = []
    title: Any = ""
    format_help: Any = ""

    def get_form_class(self):
        return self.form_class or ImportFileForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(title=self.title, columns=self.columns, format_help=self.format_help)
        return context

    def run(self, form, data: bytes, file_name: str) -> tuple[str, str]:
        raise NotImplementedError

    def form_valid(self, form) -> HttpResponse:
        upload = form.cleaned_data["file"]
        try:
            message, url = self.run(form, upload.read(), upload.name)
        except ImportRefused as refused:
            return self.render_to_response(self.get_context_data(form=form, errors=refused.errors))
        messages.success(self.request, message)
        return redirect(url)


class RecordListView(ScopedMixin, generic.ListView):
    """A filterable, paginated list whose columns come from ``table`` and filters from ``filterset_class``."""

    filterset_class: Any = None
    table: Table
    export_name: str = ""
    paginate_by = 50
    template_name = "core/record_list.html"
    title: str = ""
    create_url_name: str = ""
    export_url_name: str = ""

    def filtered(self):
        queryset = self.scoped()
        if self.filterset_class is None:
            self.filterset = None
            return queryset
        self.filterset = self.filterset_class(self.request.GET or None, queryset=queryset, request=self.request)
        if not self.filterset.is_bound:
            return queryset
        if self.filter_refused():
            # A filter that cannot be used shows no list rather than an unfiltered one that looks filtered.
            return queryset.none()
        return self.filterset.qs

    def filter_refused(self) -> str:
        """What is wrong with the page's filter parameters, naming each field; empty when they can be used."""
        if self.filterset is None or not self.filterset.is_bound or self.filterset.is_valid():
            return ""
        return params.form_errors(self.filterset.form)

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        if self.filter_refused():
            kwargs["status"] = 400
        return super().render_to_response(context, **kwargs)

    def get_queryset(self):
        return self.filtered()

    def paginate_queryset(self, queryset, page_size):
        if self.request.GET.get("page") != "last":
            params.whole_number(self.request, "page", 1, 1, 10**9, label=_("page"))  # a page that is no number: 400
        return super().paginate_queryset(queryset, page_size)

    def prepare_rows(self, objects: list[Any]) -> list[Any]:
        """Hook: add per-row values a column shows (computed for the page at once, not per row)."""
        return objects

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            title=self.title or self.model._meta.verbose_name_plural.capitalize(),
            filter=self.filterset,
            filter_refused=self.filter_refused(),
            table=self.table,
            rows=self.table.page_rows(self.prepare_rows(list(context["object_list"]))),
            querystring=query.urlencode(),
            total=context["paginator"].count if context.get("paginator") else len(context["object_list"]),
            can_create=bool(self.create_url_name) and has_access(self.request.user, Perm.CREATE, self.model),
            create_url_name=self.create_url_name,
            export_url_name=self.export_url_name,
        )
        return context


class RecordExportView(RecordListView):
    """The same filtered list as its page, as an Excel or CSV file; the export is logged."""

    paginate_by = None

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        objects = self.get_queryset()
        if refused := self.filter_refused():
            raise params.BadParameter(refused)
        query = request.GET.copy()
        query.pop("page", None)
        fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
        audit_log.record(
            Event.EXPORT,
            model=self.model,
            note=_("%(count)d rows, filter: %(query)s")
            % {"count": objects.count(), "query": audit_log.logged_filter(query.urlencode())},
        )
        name = self.export_name or self.model._meta.model_name
        return export_response(self.table, objects, name, fmt, prepare=self.prepare_rows)


class RecordDetailView(ScopedMixin, generic.DetailView):
    """One record in the user's scope (404 otherwise); a read of a sensitive record is logged."""

    def get_object(self, queryset=None):
        obj = get_object_or_404(self.scoped(), pk=self.kwargs["pk"])
        if obj.sensitive:
            audit_log.record(Event.READ, obj)
        return obj

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["can_change"] = can_change(self.request.user, self.object)
        return context


class ScopedFormMixin(ScopedMixin):
    """Create/update: the form is told the user (to offer only units in scope) and the target unit is checked."""

    perm = Perm.CHANGE
    template_name = "core/record_form.html"
    success_message = ""

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def form_valid(self, form):
        allowed = (
            can_change(self.request.user, form.instance)
            if form.instance.pk
            else can(self.request.user, Perm.CREATE, self.model, form.instance.scope_unit())
        )
        if not allowed:
            raise PermissionDenied
        with transaction.atomic():
            response = super().form_valid(form)
        messages.success(self.request, self.success_message or _("Saved."))
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["title"] = self.get_title()
        return context

    def get_title(self) -> str:
        return str(self.model._meta.verbose_name).capitalize()


class RecordCreateView(ScopedFormMixin, generic.CreateView):
    perm = Perm.CREATE

    def get_title(self) -> str:
        return _("New %(thing)s") % {"thing": self.model._meta.verbose_name}


class RecordUpdateView(ScopedFormMixin, generic.UpdateView):
    as_owner = True

    def get_object(self, queryset=None):
        obj = get_object_or_404(self.scoped(Perm.VIEW), pk=self.kwargs["pk"])
        if not can_change(self.request.user, obj):
            raise PermissionDenied
        return obj

    def get_title(self) -> str:
        return _("Edit %(thing)s") % {"thing": self.object}


class RecordTransitionView(ScopedMixin, generic.View):
    """POST a new status for a workflow record; the model's ``transition_to`` decides."""

    as_owner = True
    perm = Perm.CHANGE

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        obj = get_object_or_404(self.scoped(Perm.VIEW), pk=pk)
        if not can_change(request.user, obj):
            raise PermissionDenied
        form = TransitionForm(request.POST, record=obj)
        if not form.is_valid():
            messages.error(request, _("Choose one of the statuses offered."))
        else:
            try:
                obj.transition_to(form.cleaned_data["status"], by=request.user, note=form.cleaned_data["note"])
            except TransitionRefused as refusal:
                messages.error(request, " ".join(refusal.messages))
            else:
                messages.success(request, _("The status is now “%(status)s”.") % {"status": obj.get_status_display()})
        return redirect(obj.get_absolute_url())


class StatisticsView(LoginRequiredMixin, generic.TemplateView):
    """Aggregates for a period and unit subtree; every role may see them for its own part of the tree."""

    model: Any
    compute: Any
    export_name = "statistik"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = StatisticsForm(self.request.GET or None)
        start, end, unit = form.period()
        queryset = for_aggregates(self.model.objects.all(), self.request.user)
        if unit is not None:
            queryset = queryset.filter(unit__path__startswith=unit.path)
        context.update(
            form=form,
            stats=type(self).compute(queryset, start, end),
            unit=unit,
            querystring=self.request.GET.urlencode(),
        )
        return context

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        if self.request.GET.get("format") == "xlsx":
            audit_log.record(Event.EXPORT, model=self.model, note=audit_log.logged_filter(context["querystring"]))
            return workbook_response(self.sheets(context["stats"]), self.export_name)
        return super().render_to_response(context, **kwargs)

    def sheets(self, stats: Any) -> dict[str, list[list[Any]]]:
        raise NotImplementedError


class ApiDocs(LoginRequiredMixin, generic.TemplateView):
    """The API reference, rendered on the server from the OpenAPI schema (accessible, no script)."""

    template_name = "core/api_docs.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        from drf_spectacular.generators import SchemaGenerator

        schema = SchemaGenerator().get_schema(request=None, public=True)
        components = schema["components"]["schemas"]
        operations = []
        for path, methods in schema["paths"].items():
            for method, op in methods.items():
                body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
                body_name = body.get("$ref", "").rsplit("/", 1)[-1]
                operations.append(
                    {
                        "path": path,
                        "method": method.upper(),
                        "id": op["operationId"],
                        "description": op.get("description", ""),
                        "parameters": op.get("parameters", []),
                        "body": _schema_fields(components.get(body_name, {})),
                    }
                )
        context = super().get_context_data(**kwargs)
        context.update(title=_("API documentation"), operations=operations, info=schema["info"])
        return context


def _schema_fields(component: dict[str, Any]) -> list[dict[str, Any]]:
    required = set(component.get("required", []))
    return [
        {
            "name": name,
            "type": spec.get("type") or spec.get("$ref", "").rsplit("/", 1)[-1] or "object",
            "required": name in required,
            "read_only": spec.get("readOnly", False),
            "description": spec.get("description") or spec.get("title", ""),
        }
        for name, spec in component.get("properties", {}).items()
    ]


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database check for load balancers: 200 when the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """400: a query parameter the page cannot use says which and why; other bad requests say only that."""
    message = str(exception) if isinstance(exception, params.BadParameter) else ""
    return render(request, "400.html", {"message": message}, status=400)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)
