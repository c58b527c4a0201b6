import django_filters

from core.api import ScopedReadOnlyViewSet

from ..models import ReportVersion
from .serializers import ReportVersionSerializer


class ReportVersionFilter(django_filters.FilterSet):
    class Meta:
        model = ReportVersion
        fields = ["kind", "year", "period", "unit", "status"]


class ReportVersionViewSet(ScopedReadOnlyViewSet):
    """Generated report versions within the caller's scope, with links to their Word, PDF and HTML files."""

    model = ReportVersion
    serializer_class = ReportVersionSerializer
    filterset_class = ReportVersionFilter
    list_select_related = ("unit",)
