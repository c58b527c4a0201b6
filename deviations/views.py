from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from actions.views import NewActionFor
from core import params, textindex
from core.filters import chosen_unit
from core.forms import TransitionForm
from core.scope import Perm, can, links, units_where
from core.views import (
    RecordCreateView,
    RecordDetailView,
    RecordExportView,
    RecordListView,
    RecordTransitionView,
    RecordUpdateView,
    ScopedMixin,
    StatisticsView,
)

from . import statistics, tables, themes
from .choices import Step
from .filters import DeviationFilter
from .forms import DecisionForm, InvestigationForm, ReportForm, RootCauseForm, TargetTimeForm
from .models import Deviation, RootCause, TargetTime, can_decide
from .rules import DEFAULT_TARGET_DAYS


class DeviationList(RecordListView):
    model = Deviation
    filterset_class = DeviationFilter
    table = tables.deviations
    list_select_related = ("unit",)
    create_url_name = "deviations:report"
    export_url_name = "deviations:export"

    def prepare_rows(self, objects):
        targets = TargetTime.current()
        for deviation in objects:
            pending = [s for s in deviation.step_states(targets) if not s.done]
            deviation.next_step = pending[0] if pending else None
        return objects


class DeviationExport(RecordExportView, DeviationList):
    export_name = "avvikelser"


class MyReports(DeviationList):
    """Mina rapporter: what the signed-in person has reported, to follow its handling."""

    title = _("My reports")
    export_url_name = ""

    def scoped(self, perm: Perm = Perm.VIEW):
        return super().scoped(perm).filter(reported_by=self.request.user)


class Report(RecordCreateView):
    model = Deviation
    form_class = ReportForm
    template_name = "deviations/report_form.html"
    success_message = _("Thank you. The report has been sent to the unit manager.")

    def get_title(self) -> str:
        return gettext("Report a deviation")

    def form_valid(self, form):
        form.instance.reported_by = self.request.user
        return super().form_valid(form)


class DeviationDetail(RecordDetailView):
    model = Deviation
    list_select_related = ("unit", "reported_by", "decided_by", "investigated_by")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        deviation = self.object
        user = self.request.user
        handler = can(user, Perm.CHANGE, Deviation, deviation.unit)
        similar = textindex.similar_records(deviation, user) if handler else []
        context.update(
            handler=handler,
            can_decide=handler and deviation.is_lex_sarah and can_decide(user, deviation),
            steps=deviation.step_states(TargetTime.current()),
            root_causes=list(deviation.root_causes.all()),
            actions=links(deviation.actions.select_related("responsible"), user),
            history=deviation.status_changes.select_related("changed_by"),
            transition_form=TransitionForm(record=deviation),
            similar=similar,
        )
        return context


class Investigate(RecordUpdateView):
    model = Deviation
    form_class = InvestigationForm

    def get_title(self) -> str:
        return gettext("Investigation of %(ref)s") % {"ref": self.object.reference}

    def form_valid(self, form):
        form.instance.investigated_by = self.request.user
        return super().form_valid(form)


class Decide(RecordUpdateView):
    model = Deviation
    form_class = DecisionForm

    def get_object(self, queryset=None):
        deviation = super().get_object(queryset)
        if not (deviation.is_lex_sarah and can_decide(self.request.user, deviation)):
            raise PermissionDenied
        return deviation

    def get_title(self) -> str:
        return gettext("Assessment and decision on %(ref)s") % {"ref": self.object.reference}


class DeviationTransition(RecordTransitionView):
    model = Deviation


class NewAction(NewActionFor):
    source_model = Deviation


class Statistics(StatisticsView):
    template_name = "deviations/statistics.html"
    model = Deviation
    compute = staticmethod(statistics.compute)
    export_name = "avvikelser-statistik"

    def sheets(self, stats):
        return {
            "Per slag": [["Slag", "Antal"], *stats.by_kind],
            "Per enhet": [["Enhet", "Antal"], *stats.by_unit],
            "Per månad": [["Månad", "Antal"], *stats.by_month],
            "Per orsak": [["Orsak", "Antal"], *stats.by_root_cause],
            "Lex Sarah": [["Uppgift", "Antal"], *[[k, v] for k, v in vars(stats.lex_sarah).items()]],
            "Handläggningstid": [
                ["Steg", "Median dagar", "Antal"],
                *[[h.step, h.median_days, h.count] for h in stats.handling],
            ],
        }


class MonthlyThemesView(ScopedMixin, TemplateView):
    """Återkommande teman: per unit, the root causes and words that recur in a month's reports."""

    model = Deviation
    perm = Perm.CHANGE
    template_name = "deviations/themes.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        chosen = params.month(self.request, today.replace(day=1))
        queryset = Deviation.objects.visible_to(self.request.user, Perm.CHANGE)
        unit = chosen_unit(self.request)
        if unit is not None:
            queryset = queryset.filter(unit__path__startswith=unit.path)
        context.update(
            themes=themes.monthly(queryset, chosen),
            month_value=f"{chosen:%Y-%m}",
            units=units_where(self.request.user, Perm.CHANGE, Deviation),
            unit_id=str(unit.pk) if unit else "",
        )
        return context


class RootCauseList(RecordListView):
    """The root-cause categories an utredning chooses from (administrators keep the list)."""

    model = RootCause
    table = tables.root_causes
    create_url_name = "deviations:rootcause_create"


class RootCauseCreate(RecordCreateView):
    model = RootCause
    form_class = RootCauseForm
    success_url = reverse_lazy("deviations:rootcause_list")


class RootCauseUpdate(RecordUpdateView):
    model = RootCause
    form_class = RootCauseForm
    success_url = reverse_lazy("deviations:rootcause_list")


class TargetTimeList(RecordListView):
    """The nämnd's own target days per step; steps without a row use the defaults of deviations.rules."""

    model = TargetTime
    table = tables.target_times
    create_url_name = "deviations:targettime_create"
    template_name = "deviations/targettime_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["defaults"] = [(Step(step).label, days) for step, days in DEFAULT_TARGET_DAYS.items()]
        return context


class TargetTimeCreate(RecordCreateView):
    model = TargetTime
    form_class = TargetTimeForm
    success_url = reverse_lazy("deviations:targettime_list")


class TargetTimeUpdate(RecordUpdateView):
    model = TargetTime
    form_class = TargetTimeForm
    success_url = reverse_lazy("deviations:targettime_list")
