from core.api import ScopedReadOnlyViewSet, ScopedViewSet

from ..filters import MembershipFilter, PersonFilter
from ..models import Membership, User
from .serializers import MembershipSerializer, PersonSerializer


class MembershipViewSet(ScopedViewSet):
    """Roles of people at units. Ended by setting ``valid_to``, never deleted."""

    model = Membership
    serializer_class = MembershipSerializer
    filterset_class = MembershipFilter
    list_select_related = ("user", "unit")


class PersonViewSet(ScopedReadOnlyViewSet):
    """People with a role in the caller's scope (personal data: each read of one person is logged)."""

    model = User
    serializer_class = PersonSerializer
    filterset_class = PersonFilter

    def get_queryset(self):
        return super().get_queryset().order_by("last_name", "first_name", "username")
