from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import generic

from actions.views import NewActionFor
from core.filters import chosen_unit
from core.scope import Perm, can_change, for_aggregates, has_access, links
from core.views import (
    RecordCreateView,
    RecordDetailView,
    RecordExportView,
    RecordListView,
    RecordUpdateView,
    ScopedMixin,
)
from organisation.models import Unit

from . import rules, tables
from .filters import RiskFilter
from .forms import ReassessForm, RiskEditForm, RiskForm
from .models import Risk, levels_by_point


class RiskList(RecordListView):
    model = Risk
    filterset_class = RiskFilter
    table = tables.risks
    list_select_related = ("unit",)
    create_url_name = "risks:create"
    export_url_name = "risks:export"


class RiskExport(RecordExportView, RiskList):
    export_name = "risker"


class RiskDetail(RecordDetailView):
    model = Risk
    list_select_related = ("unit", "owner", "process")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        assessments = list(self.object.assessments.select_related("assessed_by", "point__period"))
        context.update(
            assessments=assessments,
            by_point=levels_by_point(assessments),
            actions=links(self.object.actions.select_related("responsible"), self.request.user),
        )
        return context


class RiskCreate(RecordCreateView):
    model = Risk
    form_class = RiskForm


class RiskUpdate(RecordUpdateView):
    model = Risk
    form_class = RiskEditForm


class Reassess(ScopedMixin, generic.View):
    """A new assessment of a risk; the history keeps every earlier one."""

    model = Risk
    perm = Perm.CHANGE
    template_name = "core/record_form.html"

    def get_risk(self, request, pk):
        risk = get_object_or_404(Risk.objects.visible_to(request.user), pk=pk)
        if not can_change(request.user, risk):
            raise PermissionDenied
        return risk

    def get(self, request, pk: int):
        risk = self.get_risk(request, pk)
        form = ReassessForm(initial={"probability": risk.probability, "consequence": risk.consequence})
        return render(
            request,
            self.template_name,
            {"form": form, "object": risk, "title": _("New assessment of %(risk)s") % {"risk": risk}},
        )

    def post(self, request, pk: int):
        risk = self.get_risk(request, pk)
        form = ReassessForm(request.POST)
        if form.is_valid():
            try:
                risk.reassess(by=request.user, **form.cleaned_data)
            except ValidationError as error:
                for field, problems in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, problems)
            else:
                messages.success(request, _("The risk level is now %(level)d.") % {"level": risk.level})
                return redirect(risk.get_absolute_url())
        return render(
            request,
            self.template_name,
            {"form": form, "object": risk, "title": _("New assessment of %(risk)s") % {"risk": risk}},
        )


class NewAction(NewActionFor):
    source_model = Risk


class RiskMatrix(LoginRequiredMixin, generic.TemplateView):
    """The heat map: how many active risks in each cell of probability × consequence, for every role's subtree."""

    template_name = "risks/matrix.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        risks = for_aggregates(Risk.objects.filter(is_active=True), self.request.user)
        unit = chosen_unit(self.request)
        if unit is not None:
            risks = risks.filter(unit__path__startswith=unit.path)
        area = self.request.GET.get("area", "").strip()
        if area:
            risks = risks.filter(area__iexact=area)
        counts = {
            (row["probability"], row["consequence"]): row["n"]
            for row in risks.values("probability", "consequence").annotate(n=Count("id"))
        }
        top = rules.scale()
        rows = [
            (
                consequence,
                [
                    {
                        "probability": p,
                        "level": p * consequence,
                        "band": rules.risk_band(p * consequence),
                        "count": counts.get((p, consequence), 0),
                    }
                    for p in range(1, top + 1)
                ],
            )
            for consequence in range(top, 0, -1)
        ]
        context.update(
            rows=rows,
            probabilities=range(1, top + 1),
            unit=unit,
            area=area,
            areas=sorted(set(for_aggregates(Risk.objects.all(), self.request.user).values_list("area", flat=True))),
            units=Unit.objects.filter(is_active=True),
            total=sum(counts.values()),
            can_open=has_access(self.request.user, Perm.VIEW, Risk),
        )
        return context
