from django.utils.translation import gettext as _
from rest_framework import serializers

from core.imports import period_argument

from ..models import ColumnMapping, ImportBatch


class ImportBatchSerializer(serializers.ModelSerializer):
    class Meta:
        model = ImportBatch
        fields = [
            "id",
            "file_name",
            "unit",
            "period_start",
            "period_end",
            "rows",
            "replaced",
            "imported_by",
            "created_at",
        ]
        read_only_fields = fields


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="CSV or XLSX in the canonical format (see the upload page).")
    mapping = serializers.PrimaryKeyRelatedField(
        queryset=ColumnMapping.objects.filter(is_active=True), required=False, allow_null=True
    )
    replace_period = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Replace the current cases of the file's units that start in this period: 2026 or "
        "2026-01-01:2026-06-30. Without it, a file that overlaps imported cases answers 409 with what it would "
        "replace, and nothing is written.",
    )

    def validate_replace_period(self, value):
        if not value:
            return None
        try:
            return period_argument(value)
        except ValueError as error:
            raise serializers.ValidationError(_("Write the period as 2026 or 2026-01-01:2026-06-30.")) from error


class RowErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    column = serializers.CharField()
    message = serializers.CharField()


class NotCarriedOutSerializer(serializers.Serializer):
    unit = serializers.CharField(source="case.unit.code")
    decided_on = serializers.DateField(source="case.decided_on")
    executed_on = serializers.DateField(source="case.executed_on", allow_null=True)
    reason = serializers.CharField(source="case.reason")
    gender = serializers.CharField(source="case.gender")
    days_waited = serializers.IntegerField(source="days")
    interrupted = serializers.BooleanField(help_text="reported because carrying it out was interrupted")
    interrupted_on = serializers.DateField(source="case.interrupted_on", allow_null=True)
    resumed_on = serializers.DateField(source="case.resumed_on", allow_null=True)
    case_key = serializers.CharField(source="case.case_key")
