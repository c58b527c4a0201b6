from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import generic

from core import params
from core.filters import chosen_unit
from core.forms import TransitionForm
from core.scope import Perm, has_access, units_where
from core.tables import Column, Table
from core.views import (
    RecordCreateView,
    RecordDetailView,
    RecordListView,
    RecordTransitionView,
    RecordUpdateView,
    ScopedMixin,
)
from organisation.models import Unit

from . import dashboard
from .choices import Assessment, RoundStatus
from .forms import CorrectionForm, GoalForm, ReportForm, RoundForm
from .models import FollowUpRound, Goal, GoalReport, RoundLocked, may_report, suggested_for, tree
from .tasks import copy_goal_year


def chosen_year(request, default: int | None = None) -> int:
    """The page's year: ``?year=``, else ``default``, else this year; a bad value is a 400."""
    return params.year(request, default or timezone.localdate().year)


class GoalTree(ScopedMixin, generic.TemplateView):
    """The year's verksamhetsplan as a tree: fokusområden, mål, kvalitetsmål and utvecklingsområden."""

    model = Goal
    template_name = "goals/goal_tree.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year = chosen_year(self.request)
        goals = self.scoped().filter(year=year).select_related("responsible", "unit")
        context.update(
            year=year,
            rows=tree(goals),
            years=sorted(set(Goal.objects.values_list("year", flat=True)) | {year}),
            can_plan=has_access(self.request.user, Perm.CHANGE, Goal),
        )
        return context


class GoalDetail(RecordDetailView):
    model = Goal
    list_select_related = ("responsible", "unit", "parent")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        goal = self.object
        context.update(
            children=goal.children.all(),
            indicators=goal.indicators.all(),
            units=goal.reporting_units(),
            reports=GoalReport.objects.visible_to(self.request.user)
            .filter(goal=goal)
            .select_related("round__point__period", "unit", "reported_by"),
        )
        return context


class GoalCreate(RecordCreateView):
    model = Goal
    form_class = GoalForm

    def get_initial(self) -> dict[str, Any]:
        return {"year": chosen_year(self.request), "parent": self.request.GET.get("parent")}


class GoalUpdate(RecordUpdateView):
    model = Goal
    form_class = GoalForm


class CopyYear(ScopedMixin, generic.View):
    """Copy the year's goal tree to the next year (a background task at scale)."""

    model = Goal
    perm = Perm.CHANGE

    def post(self, request):
        year = chosen_year(request)
        within = units_where(request.user, Perm.CHANGE, Goal).order_by("path").first()
        if within is None:
            raise PermissionDenied
        if Goal.objects.filter(year=year + 1, unit__path__startswith=within.path).exists():
            messages.error(request, _("%(year)d already has goals; nothing was copied.") % {"year": year + 1})
            return redirect(f"{reverse('goals:tree')}?year={year}")
        copy_goal_year.enqueue(year, within.pk, started_by=request.user.pk)
        messages.success(
            request, _("The goals of %(year)d are being copied to %(next)d.") % {"year": year, "next": year + 1}
        )
        return redirect(f"{reverse('goals:tree')}?year={year + 1}")


round_table = Table(
    [
        Column("point", _("Follow-up point"), link=True),
        Column("unit", _("Unit")),
        Column("get_status_display", _("Status")),
        Column("deadline", _("Report by")),
        Column("reported_to_committee_on", _("Reported to the committee on")),
    ]
)


class RoundList(RecordListView):
    model = FollowUpRound
    table = round_table
    list_select_related = ("point__period", "unit")
    create_url_name = "goals:round_create"


class RoundCreate(RecordCreateView):
    model = FollowUpRound
    form_class = RoundForm

    def get_title(self) -> str:
        return _("Open a follow-up round")


class RoundDetail(RecordDetailView):
    """A round's progress: every goal and unit that must report, who has, and the approval."""

    model = FollowUpRound
    list_select_related = ("point__period",)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        round_, user = self.object, self.request.user
        reports = {
            (r.goal_id, r.unit_id): r
            for r in GoalReport.objects.visible_to(user).filter(round=round_).select_related("reported_by")
        }
        rows = [
            {
                "goal": goal,
                "unit": unit,
                "report": reports.get((goal.pk, unit.pk)),
                "mine": may_report(user, goal, unit),
            }
            for goal, unit in round_.expected()
        ]
        done = sum(1 for row in rows if row["report"])
        context.update(
            rows=rows,
            done=done,
            total=len(rows),
            history=round_.status_changes.select_related("changed_by"),
            transition_form=TransitionForm(record=round_),
        )
        return context


class RoundTransition(RecordTransitionView):
    model = FollowUpRound


class MyReports(LoginRequiredMixin, generic.TemplateView):
    """What the signed-in person must report in the open rounds."""

    template_name = "goals/my_reports.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        items = []
        for round_ in FollowUpRound.objects.filter(status=RoundStatus.OPEN).select_related("point__period", "unit"):
            done = set(round_.reports.values_list("goal_id", "unit_id"))
            items += [
                {"round": round_, "goal": goal, "unit": unit, "done": (goal.pk, unit.pk) in done}
                for goal, unit in round_.expected()
                if may_report(user, goal, unit)
            ]
        context["items"] = items
        return context


class ReportView(LoginRequiredMixin, generic.View):
    """Report (or, once the round is locked, correct) one goal's bedömning for one unit."""

    def setup_objects(self, request, round_pk: int, goal_pk: int, unit_pk: int) -> None:
        self.round = get_object_or_404(FollowUpRound.objects.select_related("point__period"), pk=round_pk)
        self.goal = get_object_or_404(Goal.objects.filter(year=self.round.year), pk=goal_pk)
        self.unit = get_object_or_404(Unit, pk=unit_pk)
        if self.unit not in self.goal.reporting_units():
            raise PermissionDenied
        self.report = GoalReport.objects.filter(round=self.round, goal=self.goal, unit=self.unit).first()
        self.may_report = may_report(request.user, self.goal, self.unit)
        visible = GoalReport.objects.visible_to(request.user).filter(pk=getattr(self.report, "pk", None)).exists()
        if not (self.may_report or visible):
            raise PermissionDenied

    def form_class(self):
        return CorrectionForm if self.round.is_locked else ReportForm

    def render_page(self, request, form):
        context = {
            "round": self.round,
            "goal": self.goal,
            "unit": self.unit,
            "report": self.report,
            "form": form if self.may_report and self.round.status != RoundStatus.APPROVED else None,
            "suggested": Assessment(suggested_for(self.goal, self.unit, self.round.point)).label,
            "corrections": self.report.corrections.select_related("corrected_by") if self.report else [],
            "title": _("%(goal)s – %(unit)s") % {"goal": self.goal, "unit": self.unit},
        }
        return render(request, "goals/report_form.html", context)

    def get(self, request, round_pk: int, goal_pk: int, unit_pk: int):
        self.setup_objects(request, round_pk, goal_pk, unit_pk)
        form_class = self.form_class()
        return self.render_page(request, form_class(instance=self.report, goal=self.goal))

    def post(self, request, round_pk: int, goal_pk: int, unit_pk: int):
        self.setup_objects(request, round_pk, goal_pk, unit_pk)
        if not self.may_report or self.round.status == RoundStatus.APPROVED:
            raise PermissionDenied
        form_class = self.form_class()
        instance = self.report or GoalReport(round=self.round, goal=self.goal, unit=self.unit)
        form = form_class(request.POST, instance=instance, goal=self.goal)
        if not form.is_valid():
            return self.render_page(request, form)
        if self.round.is_locked:
            changes = {name: form.cleaned_data[name] for name in ReportForm.Meta.fields}
            fresh = GoalReport.objects.get(pk=self.report.pk)
            fresh.correct(by=request.user, reason=form.cleaned_data["reason"], **changes)
            messages.success(request, _("The correction is recorded."))
        else:
            report = form.save(commit=False)
            report.reported_by = request.user
            report.suggested = suggested_for(self.goal, self.unit, self.round.point)
            try:
                report.save()
            except RoundLocked as refusal:
                messages.error(request, " ".join(refusal.messages))
                return redirect(self.round.get_absolute_url())
            messages.success(request, _("Your report is saved."))
        return redirect(self.round.get_absolute_url())


class Dashboard(LoginRequiredMixin, generic.TemplateView):
    """Goals by bedömning and indicators against their etappmål, for a follow-up point and a unit subtree.

    Aggregates only: every role, the nämndledamot included, may look.
    """

    template_name = "goals/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        unit = chosen_unit(self.request)
        every_row = self.request.GET.get("all") == "1"
        context.update(dashboard.build(self.request.user, unit, params.point_id(self.request), every_row=every_row))
        query = self.request.GET.copy()
        query["all"] = "1"
        context["all_query"] = query.urlencode()
        context["units"] = Unit.objects.filter(is_active=True).order_by("path")
        context["unit"] = unit
        return context
