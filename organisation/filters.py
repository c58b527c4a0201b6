import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import SearchFilter, SubtreeFilter

from .choices import ProcessKind, UnitKind
from .models import Period, Process, Routine, TargetGroup, Unit


class UnitFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("code", "name"))
    kind = django_filters.ChoiceFilter(label=_("Level"), choices=UnitKind.choices)
    within = SubtreeFilter(path_lookup="path")
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Unit
        fields = ["q", "kind", "within", "is_active"]


class ProcessFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("code", "name", "description"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ProcessKind.choices)
    unit = SubtreeFilter()
    owner = django_filters.NumberFilter(label=_("Process owner (id)"), field_name="owner_id")
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Process
        fields = ["q", "kind", "unit", "owner", "is_active"]


class TargetGroupFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("name", "description"))

    class Meta:
        model = TargetGroup
        fields = ["q", "is_active"]


class PeriodFilter(django_filters.FilterSet):
    class Meta:
        model = Period
        fields = ["year", "scheme"]


class RoutineFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("title", "legal_source", "process__name"))
    process = django_filters.ModelChoiceFilter(label=_("Process"), queryset=Process.objects.filter(is_active=True))
    unit = SubtreeFilter()
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Routine
        fields = ["q", "process", "unit", "is_active"]
