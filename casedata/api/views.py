from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response

from audit import log as audit_log
from audit.choices import Event
from core.api import ScopedReadOnlyViewSet
from core.scope import Perm, has_access
from organisation.models import Unit

from ..choices import JobStatus
from ..compute import not_carried_out
from ..models import Case, ColumnMapping, ImportBatch, ImportJob
from ..rules import reporting_dates, reporting_window
from ..tasks import import_upload
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
        job = ImportJob.objects.create(
            file=upload,
            file_name=upload.name[:255],
            unit=request.user.scope_unit() or Unit.objects.filter(parent=None).first(),
            mapping=mapping,
            replace_from=period[0] if period else None,
            replace_to=period[1] if period else None,
            created_by=request.user,
        )
        import_upload.enqueue(job.pk)  # with a database worker the answer is 202 and the job is asked after
        job.refresh_from_db()
        return self._job_response(job)

    @extend_schema(
        responses={
            200: ImportBatchSerializer,
            202: inline_serializer("ImportQueued", {"job": serializers.IntegerField()}),
        }
    )
    @action(detail=False, methods=["get"], url_path=r"jobs/(?P<job_id>\d+)")
    def job(self, request, job_id=None):
        """An upload's outcome: 202 while it is imported, then as the upload answered (201, 400 or 409)."""
        job = ImportJob.objects.visible_to(request.user).filter(pk=job_id).select_related("batch").first()
        if job is None:
            raise NotFound
        return self._job_response(job)

    def _job_response(self, job: ImportJob) -> Response:
        if job.status == JobStatus.DONE:
            return Response(self.get_serializer(job.batch).data, status=status.HTTP_201_CREATED)
        if job.status == JobStatus.REFUSED:
            return Response({"errors": job.errors}, status=status.HTTP_400_BAD_REQUEST)
        if job.status == JobStatus.CONFIRM:
            units = [{"unit": c, "in_file": n, "replaced": r} for c, n, r in job.overlap["per_unit"]]
            first, last = job.overlap["period"]
            detail = _(
                "The file would replace %(n)d cases already imported that start %(first)s–%(last)s; name the period."
            ) % {"n": sum(u["replaced"] for u in units), "first": first, "last": last}
            return Response(
                {"detail": detail, "period": [first, last], "units": units}, status=status.HTTP_409_CONFLICT
            )
        if job.status == JobStatus.FAILED or job.is_stalled:
            message = job.errors[0]["message"] if job.errors else _("The import stopped without finishing.")
            return Response({"job": job.pk, "detail": message}, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
        url = f"/api/v1/case-imports/jobs/{job.pk}/"
        return Response({"job": job.pk, "status": job.status, "rows_read": job.rows_read, "url": url}, status=202)

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
        audit_log.record(Event.READ, model=Case, note=f"API {window[0]}–{window[1]}: {len(rows)}")
        return Response(NotCarriedOutSerializer(rows, many=True).data)
