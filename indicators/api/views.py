import django_filters
from django.db.models import Prefetch

from core.api import ScopedViewSet

from ..filters import IndicatorFilter
from ..models import Indicator, Result, Target
from .serializers import IndicatorSerializer, ResultSerializer


class IndicatorViewSet(ScopedViewSet):
    """The indicator catalogue with each indicator's etappmål."""

    model = Indicator
    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter

    def get_queryset(self):
        return super().get_queryset().prefetch_related(Prefetch("targets", Target.objects.order_by("year")))


class ResultFilter(django_filters.FilterSet):
    class Meta:
        model = Result
        fields = ["indicator", "point", "unit", "gender"]


class ResultViewSet(ScopedViewSet):
    """Utfall per indicator, follow-up point, unit and gender; a share is computed from its counts."""

    model = Result
    serializer_class = ResultSerializer
    filterset_class = ResultFilter
