from django.core.exceptions import PermissionDenied

from core.api import ScopedViewSet, TransitionViewSetMixin

from ..filters import DeviationFilter
from ..models import Deviation, can_decide
from .serializers import DeviationSerializer

DECISION_FIELDS = {"assessment", "is_serious", "decision", "ivo_reported_on", "ivo_reference"}


class DeviationViewSet(TransitionViewSetMixin, ScopedViewSet):
    """Avvikelser incl. lex Sarah. Reading one is logged; status changes only through ``transition``."""

    model = Deviation
    serializer_class = DeviationSerializer
    filterset_class = DeviationFilter
    list_select_related = ("unit",)

    def get_queryset(self):
        return super().get_queryset().prefetch_related("root_causes", self.linked("actions"))

    def create_extra(self):
        return {"reported_by": self.request.user}

    def perform_update(self, serializer):
        # The lex Sarah bedömning is the verksamhetschef's, through the API as on the page.
        if DECISION_FIELDS & serializer.validated_data.keys() and not can_decide(
            self.request.user, serializer.instance
        ):
            raise PermissionDenied
        super().perform_update(serializer)
