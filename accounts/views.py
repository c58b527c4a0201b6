from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import generic

from core.scope import Perm, can
from core.views import (
    RecordCreateView,
    RecordDetailView,
    RecordExportView,
    RecordListView,
    RecordUpdateView,
)

from . import tables
from .filters import MembershipFilter, PersonFilter
from .forms import MembershipEndForm, MembershipForm, PersonCreateForm, PersonForm
from .models import Membership, User


class PersonList(RecordListView):
    model = User
    filterset_class = PersonFilter
    table = tables.people
    title = _("People")
    create_url_name = "accounts:person_create"
    export_url_name = "accounts:person_export"

    def scoped(self, perm: Perm = Perm.VIEW):
        return super().scoped(perm).order_by("last_name", "first_name", "username")


class PersonExport(RecordExportView, PersonList):
    export_name = "personer"


class PersonDetail(RecordDetailView):
    """A person with their roles: personal data, so each read is logged."""

    model = User
    template_name = "accounts/person_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["memberships"] = (
            Membership.objects.visible_to(self.request.user).filter(user=self.object).select_related("unit")
        )
        context["can_change"] = can(self.request.user, Perm.CHANGE, User, self.object.scope_unit())
        return context


class PersonCreate(RecordCreateView):
    model = User
    form_class = PersonCreateForm

    def form_valid(self, form):
        unit = form.cleaned_data["unit"]
        if not can(self.request.user, Perm.CHANGE, Membership, unit):
            raise PermissionDenied
        with transaction.atomic():
            user = form.save(commit=False)
            user.set_password(form.cleaned_data["password"])
            user.save()
            Membership.objects.create(user=user, unit=unit, role=form.cleaned_data["role"])
        self.object = user
        messages.success(self.request, _("Saved."))
        return redirect(user.get_absolute_url())


class PersonUpdate(RecordUpdateView):
    model = User
    form_class = PersonForm


class MembershipList(RecordListView):
    model = Membership
    filterset_class = MembershipFilter
    table = tables.memberships
    list_select_related = ("user", "unit")
    create_url_name = "accounts:membership_create"
    export_url_name = "accounts:membership_export"


class MembershipExport(RecordExportView, MembershipList):
    export_name = "roller"


class MembershipDetail(RecordDetailView):
    model = Membership
    list_select_related = ("user", "unit")


class MembershipCreate(RecordCreateView):
    model = Membership
    form_class = MembershipForm

    def get_initial(self) -> dict[str, Any]:
        return {"user": self.request.GET.get("user"), "unit": self.request.GET.get("unit")}


class MembershipEnd(RecordUpdateView):
    """Memberships are ended with a date, never deleted, so the history of who held a role stays."""

    model = Membership
    form_class = MembershipEndForm

    def get_title(self) -> str:
        return _("End %(thing)s") % {"thing": self.object}


class Profile(LoginRequiredMixin, generic.TemplateView):
    """The signed-in person's own account: roles and links to change password."""

    template_name = "accounts/profile.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["memberships"] = (
            Membership.objects.filter(user=self.request.user).select_related("unit").order_by("-valid_from")
        )
        return context
