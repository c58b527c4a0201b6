import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import SearchFilter, SubtreeFilter

from .choices import Cadence, Method, ReviewKind, Verdict
from .models import Control, ControlRun, Review


class ControlFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("title", "purpose", "plan"))
    method = django_filters.ChoiceFilter(label=_("Method"), choices=Method.choices)
    cadence = django_filters.ChoiceFilter(label=_("How often"), choices=Cadence.choices)
    unit = SubtreeFilter()
    risk = django_filters.NumberFilter(label=_("Risk (id)"), field_name="risk_id")
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Control
        fields = ["q", "method", "cadence", "unit", "risk", "overdue", "is_active"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        late = {"next_due_on__lt": timezone.localdate()}
        return queryset.filter(**late) if value else queryset.exclude(**late)


class ReviewFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("title", "performed_by", "findings", "response"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ReviewKind.choices)
    unit = SubtreeFilter()
    year = django_filters.NumberFilter(label=_("Year"), field_name="performed_on", lookup_expr="year")

    class Meta:
        model = Review
        fields = ["q", "kind", "unit", "year"]


class ControlRunFilter(django_filters.FilterSet):
    """Seed 002's two tables: the egenkontroller that led to åtgärder, and those approved, for a year."""

    verdict = django_filters.ChoiceFilter(label=_("Verdict"), choices=Verdict.choices)
    year = django_filters.NumberFilter(label=_("Year"), field_name="performed_on", lookup_expr="year")
    unit = SubtreeFilter(path_lookup="control__unit__path")
    control = django_filters.NumberFilter(label=_("Self-inspection (id)"), field_name="control_id")

    class Meta:
        model = ControlRun
        fields = ["verdict", "year", "unit", "control"]
