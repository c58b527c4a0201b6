import django_filters

from core.api import ScopedReadOnlyViewSet, ScopedViewSet, TransitionViewSetMixin

from ..filters import GoalFilter
from ..models import FollowUpRound, Goal, GoalReport
from .serializers import GoalReportSerializer, GoalSerializer, RoundSerializer


class GoalViewSet(ScopedViewSet):
    """The goal tree; filter by ``year`` for one year's verksamhetsplan."""

    model = Goal
    serializer_class = GoalSerializer
    filterset_class = GoalFilter

    def get_queryset(self):
        return super().get_queryset().prefetch_related("units", "indicators")


class RoundViewSet(TransitionViewSetMixin, ScopedViewSet):
    """Follow-up rounds. Approval and locking only through ``transition``."""

    model = FollowUpRound
    serializer_class = RoundSerializer
    list_select_related = ("point",)


class GoalReportFilter(django_filters.FilterSet):
    class Meta:
        model = GoalReport
        fields = ["round", "goal", "unit", "assessment"]


class GoalReportViewSet(ScopedReadOnlyViewSet):
    """The reports of the rounds, read only: they are written on the report page, where the rules live."""

    model = GoalReport
    serializer_class = GoalReportSerializer
    filterset_class = GoalReportFilter
