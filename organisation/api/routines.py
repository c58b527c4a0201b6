"""API for rutiner: read them with their versions; new versions through ``add_version`` only."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import ScopedSerializer, ScopedViewSet

from ..filters import RoutineFilter
from ..models import Routine, RoutineVersion


class RoutineVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = RoutineVersion
        fields = ["number", "text", "adopted_by", "adopted_on", "next_review_on"]
        read_only_fields = fields


class RoutineSerializer(ScopedSerializer):
    versions = RoutineVersionSerializer(many=True, read_only=True)

    class Meta:
        model = Routine
        fields = ["id", "process", "title", "unit", "owner", "legal_source", "is_active", "versions"]


class NewVersionSerializer(serializers.Serializer):
    text = serializers.CharField()
    adopted_by = serializers.CharField(max_length=200)
    adopted_on = serializers.DateField(default=timezone.localdate)
    next_review_on = serializers.DateField(required=False, allow_null=True, default=None)


class RoutineViewSet(ScopedViewSet):
    """Rutiner per process; the text lives in versions, which are never changed."""

    model = Routine
    serializer_class = RoutineSerializer
    filterset_class = RoutineFilter
    list_select_related = ("process", "unit")

    def get_queryset(self):
        return super().get_queryset().prefetch_related("versions")

    @extend_schema(request=NewVersionSerializer)
    @action(detail=True, methods=["post"])
    def versions(self, request, pk=None):
        routine = self.get_object()
        data = NewVersionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        routine.add_version(by=request.user, **data.validated_data)
        fresh = self.get_queryset().get(pk=routine.pk)  # the prefetched versions are stale now
        return Response(self.get_serializer(fresh).data, status=201)
