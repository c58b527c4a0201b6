from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.http import FileResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.models import Membership
from audit import log as audit_log
from audit.choices import Event
from core.scope import Perm, can, holds_within
from core.views import (
    RecordCreateView,
    RecordDetailView,
    RecordExportView,
    RecordListView,
    RecordUpdateView,
    ScopedMixin,
)

from . import tables
from .filters import PeriodFilter, ProcessFilter, RoutineFilter, TargetGroupFilter, UnitFilter
from .forms import (
    FollowUpPointForm,
    GraphicProfileForm,
    PeriodForm,
    ProcessForm,
    RoutineEditForm,
    RoutineForm,
    RoutineVersionForm,
    TargetGroupForm,
    UnitForm,
)
from .models import FollowUpPoint, GraphicProfile, Period, Process, ReadConfirmation, Routine, TargetGroup, Unit
from .tasks import copy_period_to_next_year


class UnitList(RecordListView):
    model = Unit
    filterset_class = UnitFilter
    table = tables.units
    list_select_related = ("parent",)
    template_name = "organisation/unit_list.html"
    paginate_by = 200
    create_url_name = "organisation:unit_create"
    export_url_name = "organisation:unit_export"


class UnitExport(RecordExportView, UnitList):
    export_name = "enheter"


class UnitDetail(RecordDetailView):
    model = Unit

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        unit = self.object
        user = self.request.user
        context.update(
            ancestors=unit.ancestors(),
            children=unit.children.order_by("name"),
            processes=unit.processes.filter(is_active=True).select_related("owner"),
            memberships=Membership.objects.visible_to(user)
            .active()
            .filter(unit=unit)
            .select_related("user")
            .order_by("role", "user__last_name"),
            can_see_memberships=can(user, Perm.VIEW, Membership, unit),
        )
        return context


class UnitCreate(RecordCreateView):
    model = Unit
    form_class = UnitForm

    def get_initial(self) -> dict[str, Any]:
        return {"parent": self.request.GET.get("parent")}


class UnitUpdate(RecordUpdateView):
    model = Unit
    form_class = UnitForm


class ProcessList(RecordListView):
    model = Process
    filterset_class = ProcessFilter
    table = tables.processes
    list_select_related = ("unit", "owner")
    create_url_name = "organisation:process_create"
    export_url_name = "organisation:process_export"


class ProcessExport(RecordExportView, ProcessList):
    export_name = "processer"


class ProcessDetail(RecordDetailView):
    model = Process
    list_select_related = ("unit", "owner")


class ProcessCreate(RecordCreateView):
    model = Process
    form_class = ProcessForm


class ProcessUpdate(RecordUpdateView):
    model = Process
    form_class = ProcessForm


class TargetGroupList(RecordListView):
    model = TargetGroup
    filterset_class = TargetGroupFilter
    table = tables.target_groups
    create_url_name = "organisation:targetgroup_create"
    export_url_name = "organisation:targetgroup_export"


class TargetGroupExport(RecordExportView, TargetGroupList):
    export_name = "malgrupper"


class TargetGroupCreate(RecordCreateView):
    model = TargetGroup
    form_class = TargetGroupForm


class TargetGroupUpdate(RecordUpdateView):
    model = TargetGroup
    form_class = TargetGroupForm


class PeriodList(RecordListView):
    model = Period
    filterset_class = PeriodFilter
    table = tables.periods
    create_url_name = "organisation:period_create"
    export_url_name = "organisation:period_export"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("points")


class PeriodExport(RecordExportView, PeriodList):
    export_name = "uppfoljningsar"


class PeriodDetail(RecordDetailView):
    model = Period

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["points"] = self.object.points.all()
        context["next_year_exists"] = Period.objects.filter(year=self.object.year + 1).exists()
        return context


class PeriodCreate(RecordCreateView):
    model = Period
    form_class = PeriodForm

    def form_valid(self, form):
        response = super().form_valid(form)
        if form.cleaned_data.get("create_points"):
            self.object.create_default_points()
        return response


class PeriodUpdate(RecordUpdateView):
    model = Period
    form_class = PeriodForm


class PeriodCopy(ScopedMixin, View):
    """Start the background task that creates next year from this one."""

    model = Period
    perm = Perm.CHANGE

    def post(self, request, pk: int) -> HttpResponseRedirect:
        period = get_object_or_404(Period.objects.visible_to(request.user), pk=pk)
        if not can(request.user, Perm.CHANGE, Period, period.scope_unit()):
            raise PermissionDenied
        result = copy_period_to_next_year.enqueue(period.pk, request.user.pk)
        messages.success(
            request,
            _("Creating %(year)s from %(source)s (task %(id)s).")
            % {"year": period.year + 1, "source": period.year, "id": result.id},
        )
        return redirect("organisation:period_list")


class PointFormMixin:
    model = FollowUpPoint
    form_class = FollowUpPointForm

    def get_success_url(self) -> str:
        return reverse("organisation:period_detail", args=[self.object.period_id])


class PointCreate(PointFormMixin, RecordCreateView):
    def dispatch(self, request, *args: Any, **kwargs: Any):
        self.period = get_object_or_404(Period, pk=kwargs["period_pk"])
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        form.instance.period = self.period
        return super().form_valid(form)


class PointUpdate(PointFormMixin, RecordUpdateView):
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if obj.period_id != int(self.kwargs["period_pk"]):
            raise PermissionDenied
        return obj


class RoutineList(RecordListView):
    model = Routine
    filterset_class = RoutineFilter
    table = tables.routines
    list_select_related = ("process", "unit")
    create_url_name = "organisation:routine_create"

    def scoped(self, perm: Perm = Perm.VIEW):
        return super().scoped(perm).annotate(version_number=Max("versions__number"))


def follows_routine(user, routine: Routine) -> bool:
    """Whether the person works under the unit the rutin applies to (and so confirms having read it)."""
    from accounts.choices import STAFF

    return holds_within(user, STAFF, routine.unit)


class RoutineDetail(RecordDetailView):
    model = Routine
    list_select_related = ("process", "unit", "owner")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        routine, user = self.object, self.request.user
        version = routine.current_version()
        readers = []
        if version is not None and can(user, Perm.VIEW, Membership, routine.unit):
            from accounts.choices import Role

            confirmed = dict(version.confirmations.values_list("user_id", "confirmed_at"))
            staff = (
                Membership.objects.visible_to(user)
                .active()
                .filter(unit__path__startswith=routine.unit.path)
                .exclude(role=Role.NAMNDLEDAMOT)
                .select_related("user")
                .order_by("user__last_name", "user__first_name")
            )
            seen = set()
            for m in staff:
                if m.user_id not in seen:
                    seen.add(m.user_id)
                    readers.append((m.user, confirmed.get(m.user_id)))
        context.update(
            version=version,
            versions=list(routine.versions.all()),
            confirmed=version is not None and version.confirmations.filter(user=user).exists(),
            may_confirm=version is not None and follows_routine(user, routine),
            readers=readers,
            unread=sum(1 for _, at in readers if at is None),
        )
        return context


class RoutineCreate(RecordCreateView):
    model = Routine
    form_class = RoutineForm

    def form_valid(self, form):
        response = super().form_valid(form)
        data = form.cleaned_data
        self.object.add_version(
            text=data["text"],
            file=data["file"],
            adopted_by=data["adopted_by"],
            adopted_on=data["adopted_on"],
            by=self.request.user,
        )
        return response


class RoutineUpdate(RecordUpdateView):
    model = Routine
    form_class = RoutineEditForm


class RoutineNewVersion(ScopedMixin, View):
    """A new version of a rutin: the earlier ones stay readable."""

    model = Routine
    perm = Perm.CHANGE

    def get_routine(self, request, pk):
        routine = get_object_or_404(Routine.objects.visible_to(request.user), pk=pk)
        if not can(request.user, Perm.CHANGE, Routine, routine.unit):
            raise PermissionDenied
        return routine

    def render_form(self, request, routine, form):
        title = _("New version of %(routine)s") % {"routine": routine}
        return render(request, "core/record_form.html", {"form": form, "object": routine, "title": title})

    def get(self, request, pk: int):
        routine = self.get_routine(request, pk)
        current = routine.current_version()
        return self.render_form(request, routine, RoutineVersionForm(initial={"text": current.text if current else ""}))

    def post(self, request, pk: int):
        routine = self.get_routine(request, pk)
        form = RoutineVersionForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_form(request, routine, form)
        version = routine.add_version(by=request.user, **form.cleaned_data)
        audit_log.record(Event.UPDATE, routine, changes={"version": [version.number - 1, version.number]})
        messages.success(request, _("Version %(number)d is adopted.") % {"number": version.number})
        return redirect(routine.get_absolute_url())


class RoutineVersionDetail(ScopedMixin, View):
    """An earlier (or the current) version, as it was adopted."""

    model = Routine

    def get(self, request, pk: int, number: int):
        routine = get_object_or_404(Routine.objects.visible_to(request.user), pk=pk)
        version = get_object_or_404(routine.versions, number=number)
        title = f"{routine} – {_('version')} {version.number}"
        return render(
            request, "organisation/routine_version.html", {"routine": routine, "version": version, "title": title}
        )


class RoutineFile(ScopedMixin, View):
    """The document attached to a version, for those who may read the rutin (never a public media URL)."""

    model = Routine

    def get(self, request, pk: int, number: int) -> FileResponse:
        routine = get_object_or_404(Routine.objects.visible_to(request.user), pk=pk)
        version = get_object_or_404(routine.versions.exclude(file=""), number=number)
        return FileResponse(version.file.open("rb"), as_attachment=True, filename=version.file_name)


class ConfirmRead(ScopedMixin, View):
    """'Läst och förstått' on the current version."""

    model = Routine

    def post(self, request, pk: int):
        routine = get_object_or_404(Routine.objects.visible_to(request.user), pk=pk)
        version = routine.current_version()
        if version is None or not follows_routine(request.user, routine):
            raise PermissionDenied
        ReadConfirmation.objects.get_or_create(version=version, user=request.user)
        audit_log.record(
            Event.UPDATE, routine, note=_("Read and understood, version %(number)d") % {"number": version.number}
        )
        messages.success(request, _("Thank you. You have confirmed version %(number)d.") % {"number": version.number})
        return redirect(routine.get_absolute_url())


class GraphicProfileEdit(RecordUpdateView):
    """The municipality's graphic profile, one for the whole organisation: changed by an administratör or a
    kvalitetsutvecklare at the root; the next generated version and the preview use it."""

    model = GraphicProfile
    form_class = GraphicProfileForm
    template_name = "organisation/profile_form.html"
    success_message = gettext_lazy("The graphic profile is saved. The next version of each document uses it.")

    def get_object(self, queryset=None) -> GraphicProfile:
        if not can(self.request.user, Perm.CHANGE, GraphicProfile, None):
            raise PermissionDenied
        return GraphicProfile.current()

    def get_success_url(self) -> str:
        return reverse("organisation:profile")

    def get_title(self) -> str:
        return _("Graphic profile")
