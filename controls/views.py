from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.generic import TemplateView

from actions.models import Action
from actions.views import NewActionFor
from audit import log as audit_log
from audit.choices import Event
from core import params
from core.filters import chosen_unit
from core.scope import Perm, can_change, links, visible_ids
from core.tables import workbook_response
from core.views import (
    RecordCreateView,
    RecordDetailView,
    RecordExportView,
    RecordListView,
    RecordUpdateView,
    ScopedMixin,
)
from organisation.models import Unit
from risks.models import Risk

from . import quality_plan, tables
from .filters import ControlFilter, ControlRunFilter, ReviewFilter
from .forms import ControlForm, ControlRunForm, ReviewForm
from .models import Control, ControlRun, Review


class ControlList(RecordListView):
    model = Control
    filterset_class = ControlFilter
    table = tables.controls
    list_select_related = ("unit", "responsible")
    create_url_name = "controls:create"
    export_url_name = "controls:export"


class ControlExport(RecordExportView, ControlList):
    export_name = "egenkontroller"


class ControlDetail(RecordDetailView):
    model = Control
    list_select_related = ("unit", "responsible", "risk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        runs = list(self.object.runs.select_related("action", "performed_by"))
        user = self.request.user
        context["runs"] = runs
        context["risk_visible"] = self.object.risk_id in visible_ids(user, Risk, [self.object.risk_id])
        context["visible_actions"] = visible_ids(user, Action, [run.action_id for run in runs])
        return context


class ControlCreate(RecordCreateView):
    model = Control
    form_class = ControlForm

    def get_initial(self) -> dict[str, Any]:
        return {"risk": self.request.GET.get("risk"), "unit": self.request.GET.get("unit")}


class ControlUpdate(RecordUpdateView):
    model = Control
    form_class = ControlForm


class RecordRun(RecordCreateView):
    """Record a genomförande of a control; one that calls for action creates the åtgärd."""

    model = ControlRun
    form_class = ControlRunForm
    perm = Perm.CHANGE

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.control = get_object_or_404(Control.objects.visible_to(request.user), pk=kwargs["pk"])
            if not can_change(request.user, self.control):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_title(self) -> str:
        return _("Performed: %(control)s") % {"control": self.control}

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = ControlRun(control=self.control, performed_by=self.request.user)
        return kwargs

    def form_valid(self, form):
        response = super().form_valid(form)
        if self.object.action_id:
            messages.info(self.request, _("An action was created: %(title)s") % {"title": self.object.action.title})
        return response


class QualityPlan(ScopedMixin, TemplateView):
    """Kvalitetsplan per area for a year and unit subtree, as in seed 003; exportable to Excel."""

    model = Control
    template_name = "controls/quality_plan.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        year = params.year(self.request, timezone.localdate().year)
        risks, controls = Risk.objects.visible_to(user), Control.objects.visible_to(user)
        actions = Action.objects.visible_to(user)
        unit = chosen_unit(self.request)
        if unit is not None:
            risks = risks.filter(unit__path__startswith=unit.path)
            controls = controls.filter(unit__path__startswith=unit.path)
            actions = actions.filter(unit__path__startswith=unit.path)
        context.update(
            areas=quality_plan.build(risks, controls, actions, year),
            year=year,
            unit=unit,
            units=Unit.objects.filter(is_active=True),
            querystring=self.request.GET.urlencode(),
        )
        return context

    def render_to_response(self, context, **kwargs):
        if self.request.GET.get("format") == "xlsx":
            audit_log.record(Event.EXPORT, model=Control, note=f"kvalitetsplan {context['querystring']}")
            return workbook_response(
                {f"Kvalitetsplan {context['year']}": quality_plan.sheet_rows(context["areas"])}, "kvalitetsplan"
            )
        return super().render_to_response(context, **kwargs)


class ReviewList(RecordListView):
    model = Review
    filterset_class = ReviewFilter
    table = tables.reviews
    list_select_related = ("unit",)
    create_url_name = "controls:review_create"
    export_url_name = "controls:review_export"


class ReviewExport(RecordExportView, ReviewList):
    export_name = "granskningar"


class ReviewDetail(RecordDetailView):
    model = Review
    list_select_related = ("unit",)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["actions"] = links(self.object.actions.select_related("responsible"), self.request.user)
        return context


class ReviewCreate(RecordCreateView):
    model = Review
    form_class = ReviewForm


class ReviewUpdate(RecordUpdateView):
    model = Review
    form_class = ReviewForm


class ReviewAction(NewActionFor):
    source_model = Review


class ControlRunList(RecordListView):
    """Genomförda egenkontroller: with "föranleder åtgärd" the table of those that led to åtgärder, with
    "godkänd" the table of approved ones (seed 002)."""

    model = ControlRun
    filterset_class = ControlRunFilter
    table = tables.runs
    list_select_related = ("control__unit", "action")
    export_url_name = "controls:run_export"
    title = _lazy("Performed self-inspections")


class ControlRunExport(RecordExportView, ControlRunList):
    export_name = "genomforda-egenkontroller"
