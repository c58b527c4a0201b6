import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import SearchFilter, SubtreeFilter

from .choices import Role
from .models import Membership, User


class MembershipFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("user__username", "user__first_name", "user__last_name"))
    unit = SubtreeFilter()
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices)
    current = django_filters.BooleanFilter(label=_("Current"), method="filter_current")
    # An id, not a list of names: a dropdown of every person would show people outside the scope.
    user = django_filters.NumberFilter(label=_("Person (id)"), field_name="user_id")

    class Meta:
        model = Membership
        fields = ["q", "unit", "role", "current", "user"]

    def filter_current(self, queryset, name, value):
        if value is None:
            return queryset
        today = timezone.localdate()
        current = Q(valid_from__lte=today) & (Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        return queryset.filter(current) if value else queryset.exclude(current)


class PersonFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("username", "first_name", "last_name", "email", "title"))
    unit = SubtreeFilter(path_lookup="memberships__unit__path")
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Role.choices, field_name="memberships__role")
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = User
        fields = ["q", "unit", "role", "is_active"]

    @property
    def qs(self):
        queryset = super().qs
        # Filtering through memberships may match one person several times.
        if self.form.cleaned_data.get("unit") or self.form.cleaned_data.get("role"):
            queryset = queryset.distinct()
        return queryset
