from core.api import ScopedViewSet

from ..filters import PeriodFilter, ProcessFilter, TargetGroupFilter, UnitFilter
from ..models import FollowUpPoint, Period, Process, TargetGroup, Unit
from .serializers import (
    FollowUpPointSerializer,
    PeriodSerializer,
    ProcessSerializer,
    TargetGroupSerializer,
    UnitSerializer,
)


class UnitViewSet(ScopedViewSet):
    model = Unit
    serializer_class = UnitSerializer
    filterset_class = UnitFilter


class ProcessViewSet(ScopedViewSet):
    model = Process
    serializer_class = ProcessSerializer
    filterset_class = ProcessFilter
    list_select_related = ("unit", "owner")

    def get_queryset(self):
        return super().get_queryset().prefetch_related("target_groups")


class TargetGroupViewSet(ScopedViewSet):
    model = TargetGroup
    serializer_class = TargetGroupSerializer
    filterset_class = TargetGroupFilter


class PeriodViewSet(ScopedViewSet):
    model = Period
    serializer_class = PeriodSerializer
    filterset_class = PeriodFilter

    def get_queryset(self):
        return super().get_queryset().prefetch_related("points")


class FollowUpPointViewSet(ScopedViewSet):
    model = FollowUpPoint
    serializer_class = FollowUpPointSerializer
    filterset_fields = ["period", "code"]
    list_select_related = ("period",)
