from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from audit import log as audit_log
from audit.choices import Event
from core.forms import TransitionForm
from core.scope import Perm, can, can_change, has_access
from core.views import (
    RecordCreateView,
    RecordDetailView,
    RecordExportView,
    RecordListView,
    RecordTransitionView,
    RecordUpdateView,
)

from . import tables
from .filters import ActionFilter
from .forms import ActionFollowUpForm, ActionForm
from .models import Action


class ActionList(RecordListView):
    model = Action
    filterset_class = ActionFilter
    table = tables.actions
    list_select_related = ("unit", "responsible")
    create_url_name = "actions:create"
    export_url_name = "actions:export"


class ActionExport(RecordExportView, ActionList):
    export_name = "atgarder"


class MyActions(ActionList):
    """Mina åtgärder: the open and done åtgärder the signed-in person is responsible for."""

    title = _("My improvement actions")
    export_url_name = ""

    def scoped(self, perm: Perm = Perm.VIEW):
        return super().scoped(perm).filter(responsible=self.request.user)


class ActionDetail(RecordDetailView):
    model = Action
    list_select_related = ("unit", "responsible")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["history"] = self.object.status_changes.select_related("changed_by")
        context["transition_form"] = TransitionForm(record=self.object)
        context["sources"] = self.object.sources(self.request.user)
        context["follow_ups"] = self.object.follow_ups.select_related("point__period", "written_by")
        return context


class ActionCreate(RecordCreateView):
    model = Action
    form_class = ActionForm

    def get_initial(self) -> dict[str, Any]:
        return {"unit": self.request.GET.get("unit")}


class ActionUpdate(RecordUpdateView):
    model = Action

    def get_form_class(self):
        # The responsible person without a role over the unit updates only the follow-up and effect.
        if can(self.request.user, Perm.CHANGE, Action, self.object.unit):
            return ActionForm
        return ActionFollowUpForm


class ActionTransition(RecordTransitionView):
    model = Action


class NewActionFor(RecordCreateView):
    """An åtgärd created from a source record (an avvikelse, a klagomål …) and linked to it.

    Subclasses name ``source_model``; the source must be one the person may change.
    """

    model = Action
    form_class = ActionForm
    source_model: Any

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if not has_access(request.user, Perm.CHANGE, self.source_model):
                raise PermissionDenied
            self.source = get_object_or_404(self.source_model.objects.visible_to(request.user), pk=kwargs["pk"])
            if not can_change(request.user, self.source):
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        return {"unit": self.source.unit_id}

    def get_title(self) -> str:
        return _("New action for %(source)s") % {"source": self.source}

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            self.source.actions.add(self.object)
            audit_log.record(Event.UPDATE, self.source, changes={"actions": [None, self.object.title]})
        return response

    def get_success_url(self) -> str:
        return self.source.get_absolute_url()
