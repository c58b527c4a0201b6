import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import SearchFilter, SubtreeFilter

from .choices import Measure, Source
from .models import Indicator


class IndicatorFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("code", "name", "description"))
    measure = django_filters.ChoiceFilter(label=_("Unit of measure"), choices=Measure.choices)
    source = django_filters.ChoiceFilter(label=_("Source"), choices=Source.choices)
    unit = SubtreeFilter()
    goal = django_filters.NumberFilter(label=_("Goal"), field_name="goals")
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Indicator
        fields = ["q", "measure", "source", "unit", "goal", "is_active"]
