from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch

from core.api import ScopedViewSet, TransitionViewSetMixin
from core.scope import Perm, can

from ..filters import ActionFilter
from ..models import Action, ActionFollowUp
from .serializers import ActionSerializer


class ActionViewSet(TransitionViewSetMixin, ScopedViewSet):
    """Åtgärder. Status changes only through ``transition``."""

    model = Action
    serializer_class = ActionSerializer
    filterset_class = ActionFilter
    list_select_related = ("unit", "responsible")

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(Prefetch("follow_ups", ActionFollowUp.objects.select_related("point__period")))
        )

    def perform_update(self, serializer):
        # The responsible person without a role over the unit updates the follow-up and effect only,
        # as on the page (ActionFollowUpForm).
        own_fields = {"follow_up", "effect"}
        role_based = can(self.request.user, Perm.CHANGE, Action, serializer.instance.unit)
        if not role_based and serializer.validated_data.keys() - own_fields:
            raise PermissionDenied
        super().perform_update(serializer)
