from core.api import ScopedReadOnlyViewSet

from ..filters import AuditEntryFilter
from ..models import AuditEntry
from .serializers import AuditEntrySerializer


class AuditEntryViewSet(ScopedReadOnlyViewSet):
    """The audit and access log, read-only, within the caller's loggkontroll scope."""

    model = AuditEntry
    serializer_class = AuditEntrySerializer
    filterset_class = AuditEntryFilter
    list_select_related = ("content_type",)
