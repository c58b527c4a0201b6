import django_filters
from django.utils.translation import gettext_lazy as _

from core.filters import DayFilter, SearchFilter, SubtreeFilter

from .choices import Assessment, DeviationKind, DeviationStatus
from .models import Deviation, RootCause


class DeviationFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("description", "location", "investigation", "analysis"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=DeviationKind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=DeviationStatus.choices)
    unit = SubtreeFilter()
    root_cause = django_filters.ModelChoiceFilter(
        label=_("Root cause"), field_name="root_causes", queryset=RootCause.objects.all()
    )
    assessment = django_filters.ChoiceFilter(label=_("Assessment"), choices=Assessment.choices)
    is_serious = django_filters.BooleanFilter(label=_("Serious"))
    reported_from = DayFilter(label=_("Reported from"), field_name="reported_at")
    reported_to = DayFilter(label=_("Reported to"), field_name="reported_at", until=True)

    class Meta:
        model = Deviation
        fields = ["q", "kind", "status", "unit", "root_cause", "assessment", "is_serious"]
