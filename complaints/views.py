from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views import View

from actions.views import NewActionFor
from audit.choices import Source
from audit.context import acting_as
from core import textindex
from core.forms import TransitionForm
from core.scope import Perm, can, links
from core.throttles import SharedRateThrottle
from core.views import (
    RecordCreateView,
    RecordDetailView,
    RecordExportView,
    RecordListView,
    RecordTransitionView,
    RecordUpdateView,
    StatisticsView,
)

from . import statistics, tables
from .filters import ComplaintFilter
from .forms import ComplaintForm, HandlingForm, PublicComplaintForm
from .models import Complaint

PUBLIC_LIMIT = "20/hour"  # messages per client address, counted in the shared cache


class ComplaintList(RecordListView):
    model = Complaint
    filterset_class = ComplaintFilter
    table = tables.complaints
    list_select_related = ("unit",)
    create_url_name = "complaints:register"
    export_url_name = "complaints:export"


class ComplaintExport(RecordExportView, ComplaintList):
    export_name = "synpunkter"


class Register(RecordCreateView):
    model = Complaint
    form_class = ComplaintForm

    def get_title(self) -> str:
        return gettext("Register a comment or complaint")

    def form_valid(self, form):
        form.instance.registered_by = self.request.user
        return super().form_valid(form)


class ComplaintDetail(RecordDetailView):
    model = Complaint
    list_select_related = ("unit", "registered_by")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        complaint = self.object
        user = self.request.user
        handler = can(user, Perm.CHANGE, Complaint, complaint.unit)
        text_visible = complaint.text_visible_to(user)
        similar = textindex.similar_records(complaint, user) if handler and text_visible else []
        context.update(
            handler=handler,
            text_visible=text_visible,
            actions=links(complaint.actions.select_related("responsible"), user),
            history=complaint.status_changes.select_related("changed_by"),
            transition_form=TransitionForm(record=complaint),
            similar=similar,
        )
        return context


class Handle(RecordUpdateView):
    model = Complaint
    form_class = HandlingForm

    def get_object(self, queryset=None):
        complaint = super().get_object(queryset)
        if not complaint.text_visible_to(self.request.user):
            raise PermissionDenied
        return complaint

    def get_title(self) -> str:
        return gettext("Handling of %(ref)s") % {"ref": self.object.reference}


class ComplaintTransition(RecordTransitionView):
    model = Complaint


class NewAction(NewActionFor):
    source_model = Complaint


class PublicForm(View):
    """Lämna synpunkter eller klagomål: the public e-service, no login needed."""

    template_name = "complaints/public_form.html"

    def get(self, request):
        return render(
            request, self.template_name, {"form": PublicComplaintForm(), "title": _("Comments and complaints")}
        )

    def post(self, request):
        form = PublicComplaintForm(request.POST)
        if form.is_valid():
            # Only a message that would be saved counts against the sender's limit; its token then closes.
            if not SharedRateThrottle("public-complaints", PUBLIC_LIMIT).allowed(request):
                form.add_error(
                    None, gettext("Too many messages from this connection. Try again in an hour, or call us.")
                )
            elif not form.claim_token():
                form.add_error(None, gettext("This form has already been sent. Reload the page to write again."))
            else:
                with acting_as(None, Source.WEB):
                    complaint = form.save()
                request.session["complaint_reference"] = complaint.reference
                return redirect("complaints:public_thanks")
        return render(request, self.template_name, {"form": form, "title": _("Comments and complaints")}, status=200)


def public_thanks(request):
    reference = request.session.pop("complaint_reference", None)
    if reference is None:
        return redirect("complaints:public_form")
    return render(request, "complaints/public_thanks.html", {"reference": reference, "title": gettext("Thank you")})


def accessibility_statement(request):
    return render(request, "complaints/accessibility.html", {"title": gettext("Accessibility statement")})


class Statistics(StatisticsView):
    template_name = "complaints/statistics.html"
    model = Complaint
    compute = staticmethod(statistics.compute)
    export_name = "synpunkter-statistik"

    def sheets(self, stats):
        header = ["Enhet", *stats.categories, "Totalt"]
        rows = [[r.unit, *r.counts, r.total] for r in stats.per_unit]
        return {
            "Per enhet och område": [header, *rows, ["Totalt", *stats.category_totals, stats.total]],
            "Per slag": [["Slag", "Antal"], *stats.by_kind],
        }
