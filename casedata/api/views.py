from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from audit import log as audit_log
from audit.choices import Action
from core.api import ScopedReadOnlyViewSet
from core.imports import ImportRefused
from core.scope import Perm, has_access

from ..compute import not_carried_out
from ..importer import ReplacementNeeded, import_cases
from ..models import Case, ColumnMapping, ImportBatch
from ..rules import reporting_dates, reporting_window
from ..tasks import recompute_indicators
from .serializers import ImportBatchSerializer, ImportUploadSerializer, NotCarriedOutSerializer, RowErrorSerializer


class ImportBatchViewSet(ScopedReadOnlyViewSet):
    """Imports of ärendedata: list them, upload a file (all rows or none), and the ej verkställda beslut."""

    model = ImportBatch
    serializer_class = ImportBatchSerializer

    @extend_schema(
        request={"multipart/form-data": ImportUploadSerializer},
        responses={
            201: ImportBatchSerializer,
            400: inline_serializer("ImportRefusedResponse", {"errors": RowErrorSerializer(many=True)}),
            409: inline_serializer(
                "ReplacementNeededResponse",
                {"detail": serializers.CharField(), "period": serializers.ListField(child=serializers.DateField())},
            ),
        },
    )
    @action(detail=False, methods=["post"])
    def upload(self, request):
        if not has_access(request.user, Perm.CREATE, ImportBatch):
            raise PermissionDenied
        form = ImportUploadSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        upload, mapping = form.validated_data["file"], form.validated_data.get("mapping")
        if mapping is not None and not ColumnMapping.objects.visible_to(request.user).filter(pk=mapping.pk).exists():
            raise serializers.ValidationError({"mapping": _("No such column mapping.")})
        period = form.validated_data.get("replace_period")
        try:
            batch = import_cases(upload.read(), upload.name, by=request.user, mapping=mapping, replace_period=period)
        except ImportRefused as refused:
            errors = [{"row": e.row, "column": e.column, "message": e.message} for e in refused.errors]
            return Response({"errors": errors}, status=status.HTTP_400_BAD_REQUEST)
        except ReplacementNeeded as needed:
            first, last = needed.overlap.period
            units = [{"unit": c, "in_file": n, "replaced": r} for c, n, r in needed.overlap.per_unit]
            body = {"detail": str(needed), "period": [first, last], "units": units}
            return Response(body, status=status.HTTP_409_CONFLICT)
        recompute_indicators.enqueue(started_by=request.user.pk)
        return Response(self.get_serializer(batch).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[
            OpenApiParameter("year", int, required=True),
            OpenApiParameter("period", int, required=True, description="reporting period, 1 = the year's first"),
        ],
        responses=NotCarriedOutSerializer(many=True),
    )
    @action(detail=False, methods=["get"], url_path="not-carried-out")
    def not_carried_out(self, request):
        """Gynnande beslut to report to IVO for a reporting period (SoL 2025:400 34 kap., LSS 28 f §)."""
        if not has_access(request.user, Perm.VIEW, Case):
            raise PermissionDenied
        try:
            year, number = int(request.query_params["year"]), int(request.query_params["period"])
            if not 1 <= number <= len(reporting_dates()) or not 2000 <= year <= 2100:
                raise ValueError
        except (KeyError, ValueError) as error:
            raise serializers.ValidationError(
                {"period": _("Give year (2000–2100) and period (1–%(n)d).") % {"n": len(reporting_dates())}}
            ) from error
        window = reporting_window(year, number)
        rows = not_carried_out(Case.objects.visible_to(request.user), window)
        audit_log.record(Action.READ, model=Case, note=f"API {window[0]}–{window[1]}: {len(rows)}")
        return Response(NotCarriedOutSerializer(rows, many=True).data)
