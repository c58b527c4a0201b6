from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import generic

from casedata.models import Case
from core import params
from core.scope import Perm, can, has_access
from core.views import (
    RecordCreateView,
    RecordDetailView,
    RecordExportView,
    RecordListView,
    RecordUpdateView,
    ScopedMixin,
)
from organisation.models import Unit

from . import kolada, tables
from .choices import Gender
from .filters import IndicatorFilter
from .forms import IndicatorForm, ResultForm, TargetForm
from .models import Indicator, Result, Target
from .tasks import fetch_kolada
from .trends import trend_for


class IndicatorList(RecordListView):
    model = Indicator
    filterset_class = IndicatorFilter
    table = tables.indicators
    list_select_related = ("unit",)
    create_url_name = "indicators:create"
    export_url_name = "indicators:export"


class IndicatorExport(RecordExportView, IndicatorList):
    export_name = "indikatorer"


class IndicatorDetail(RecordDetailView):
    """An indicator's series for a unit and gender, with etappmål, Riket and control limits."""

    model = Indicator
    list_select_related = ("unit", "responsible")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        indicator, user = self.object, self.request.user
        reported = Unit.objects.filter(
            pk__in=Result.objects.visible_to(user).filter(indicator=indicator).values("unit")
        ).order_by("path")
        units = list(reported)
        asked = params.unit_id(self.request)
        unit = next((u for u in units if u.pk == asked), None)
        unit = unit or next((u for u in units if u.pk == indicator.unit_id), None) or (units[0] if units else None)
        gender = params.one_of(self.request, "gender", indicator.genders, Gender.TOTAL, label=_("gender"))
        trend = trend_for(indicator, unit, gender) if unit else None
        context.update(
            units=units,
            unit=unit,
            gender=gender,
            genders=[(g, Gender(g).label) for g in indicator.genders],
            trend=trend,
            chart=trend.chart() if trend and trend.points else None,
            targets=indicator.targets.select_related("unit"),
            goals=indicator.goals.all(),
            may_add_result=has_access(user, Perm.CREATE, Result),
            may_trace=unit is not None and can(user, Perm.VIEW, Case, unit),
            kolada=kolada.comparison_table(indicator.kolada_kpi, gender) if indicator.kolada_kpi else None,
        )
        return context


class IndicatorCreate(RecordCreateView):
    model = Indicator
    form_class = IndicatorForm


class IndicatorUpdate(RecordUpdateView):
    model = Indicator
    form_class = IndicatorForm


class ForIndicatorMixin:
    """A form for a record that belongs to one indicator (an utfall, an etappmål)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.indicator = get_object_or_404(Indicator.objects.visible_to(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        if self.form_class is ResultForm:
            kwargs["indicator"] = self.indicator
        return kwargs

    def form_valid(self, form):
        form.instance.indicator = self.indicator
        return super().form_valid(form)

    def get_success_url(self) -> str:
        return self.indicator.get_absolute_url()

    def get_title(self) -> str:
        return f"{super().get_title()} – {self.indicator.code}"


class ResultCreate(ForIndicatorMixin, RecordCreateView):
    model = Result
    form_class = ResultForm

    def get_initial(self) -> dict[str, Any]:
        return {"unit": self.request.GET.get("unit"), "gender": Gender.TOTAL}


class ResultUpdate(RecordUpdateView):
    model = Result
    form_class = ResultForm

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "indicator": self.object.indicator}


class TargetCreate(ForIndicatorMixin, RecordCreateView):
    model = Target
    form_class = TargetForm

    def form_valid(self, form):
        # An etappmål for the whole committee needs a role at the top; one for a unit, a role there.
        if not can(self.request.user, Perm.CHANGE, Indicator, form.cleaned_data.get("unit")):
            raise PermissionDenied
        return super().form_valid(form)


class FetchKolada(ScopedMixin, generic.View):
    """Fetch Kolada's values now (otherwise nightly), for those who keep the indicator catalogue."""

    model = Indicator
    perm = Perm.CHANGE

    def post(self, request):
        result = fetch_kolada.enqueue(started_by=request.user.pk)
        if result.status == "FAILED":
            messages.error(request, _("Kolada could not be reached. The values stored earlier are still shown."))
        else:
            messages.success(request, _("The Kolada values are being fetched."))
        back = request.POST.get("next", "")
        safe = url_has_allowed_host_and_scheme(
            back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        return redirect(back if back and safe else "indicators:list")
