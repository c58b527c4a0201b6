from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import ScopedViewSet

from ..filters import RiskFilter
from ..models import Risk, RiskAssessment
from .serializers import ReassessSerializer, RiskSerializer


class RiskViewSet(ScopedViewSet):
    """The risk register. A new assessment goes through ``reassess`` so that the history is kept."""

    model = Risk
    serializer_class = RiskSerializer
    filterset_class = RiskFilter
    list_select_related = ("unit",)

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(
                self.linked("actions"), Prefetch("assessments", RiskAssessment.objects.select_related("point__period"))
            )
        )

    @extend_schema(request=ReassessSerializer)
    @action(detail=True, methods=["post"])
    def reassess(self, request, pk=None):
        risk = self.get_object()
        data = ReassessSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            risk.reassess(by=request.user, **data.validated_data)
        except ValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        return Response(self.get_serializer(self.get_queryset().get(pk=risk.pk)).data)
