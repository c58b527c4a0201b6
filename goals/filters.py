import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import SearchFilter, SubtreeFilter

from .choices import GoalKind, QualityArea
from .models import Goal


class GoalFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("title", "description"))
    year = django_filters.NumberFilter(label=_("Year"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=GoalKind.choices)
    quality_area = django_filters.ChoiceFilter(label=_("Quality area"), choices=QualityArea.choices)
    unit = SubtreeFilter()

    class Meta:
        model = Goal
        fields = ["q", "year", "kind", "quality_area", "unit"]
