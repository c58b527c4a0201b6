"""API for rutiner: read them with their versions; new versions through ``add_version`` only."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import FileExtensionValidator
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import ScopedSerializer, ScopedViewSet, refuse_personnummer

from ..filters import RoutineFilter
from ..forms import ROUTINE_FILE_TYPES, check_routine_file
from ..models import Routine, RoutineVersion


class RoutineVersionSerializer(serializers.ModelSerializer):
    file_url = serializers.SerializerMethodField(help_text="Download address of the attached document, if any.")

    class Meta:
        model = RoutineVersion
        fields = ["number", "text", "file_url", "adopted_by", "adopted_on", "next_review_on"]
        read_only_fields = fields

    def get_file_url(self, version: RoutineVersion) -> str:
        url = version.get_file_url()
        request = self.context.get("request")
        return request.build_absolute_uri(url) if url and request else url


class RoutineSerializer(ScopedSerializer):
    versions = RoutineVersionSerializer(many=True, read_only=True)

    class Meta:
        model = Routine
        fields = ["id", "process", "title", "unit", "owner", "legal_source", "is_active", "versions"]


class NewVersionSerializer(serializers.Serializer):
    """A new version: send the text as JSON, or a document as multipart/form-data (or both)."""

    text = serializers.CharField(required=False, allow_blank=True, default="")
    file = serializers.FileField(
        required=False,
        allow_null=True,
        default=None,
        validators=[FileExtensionValidator(ROUTINE_FILE_TYPES), check_routine_file],
    )

    def validate(self, attrs):
        refuse_personnummer(attrs)
        return attrs

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
        try:
            routine.add_version(by=request.user, **data.validated_data)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        fresh = self.get_queryset().get(pk=routine.pk)  # the prefetched versions are stale now
        return Response(self.get_serializer(fresh).data, status=201)
