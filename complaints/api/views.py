from django.core.exceptions import PermissionDenied

from core.api import ScopedViewSet, TransitionViewSetMixin

from ..filters import ComplaintFilter
from ..models import Complaint
from .serializers import ComplaintSerializer


class ComplaintViewSet(TransitionViewSetMixin, ScopedViewSet):
    """Synpunkter och klagomål. Reading one is logged; confidential text is masked for those without access."""

    model = Complaint
    serializer_class = ComplaintSerializer
    filterset_class = ComplaintFilter
    list_select_related = ("unit",)

    def get_queryset(self):
        return super().get_queryset().prefetch_related(self.linked("actions"))

    def create_extra(self):
        return {"registered_by": self.request.user}

    def perform_update(self, serializer):
        # Whoever may not read a confidential text may not change it either.
        if not serializer.instance.text_visible_to(self.request.user):
            raise PermissionDenied
        super().perform_update(serializer)
