from core.api import ScopedViewSet

from ..filters import ControlFilter, ReviewFilter
from ..models import Control, ControlRun, Review
from .serializers import ControlRunSerializer, ControlSerializer, ReviewSerializer


class ControlViewSet(ScopedViewSet):
    """Egenkontroller; ``next_due_on`` follows from the cadence and the latest genomförande."""

    model = Control
    serializer_class = ControlSerializer
    filterset_class = ControlFilter
    list_select_related = ("unit", "responsible")


class ControlRunViewSet(ScopedViewSet):
    """Genomförda egenkontroller. One whose verdict calls for action creates the åtgärd."""

    model = ControlRun
    serializer_class = ControlRunSerializer
    filterset_fields = ["control", "verdict"]
    list_select_related = ("control__unit",)

    def create_extra(self):
        return {"performed_by": self.request.user}


class ReviewViewSet(ScopedViewSet):
    """Revisioner, tillsyn, granskningar and egna uppföljningar."""

    model = Review
    serializer_class = ReviewSerializer
    filterset_class = ReviewFilter
    list_select_related = ("unit",)

    def get_queryset(self):
        return super().get_queryset().prefetch_related(self.linked("actions"))
