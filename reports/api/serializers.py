from django.urls import reverse
from rest_framework import serializers

from ..models import ReportVersion


class ReportVersionSerializer(serializers.ModelSerializer):
    files = serializers.SerializerMethodField()

    class Meta:
        model = ReportVersion
        fields = [
            "id",
            "kind",
            "year",
            "period",
            "unit",
            "number",
            "status",
            "progress",
            "fingerprint",
            "aggregates_only",
            "created_by",
            "created_at",
            "adopted_at",
            "adopted_by",
            "files",
        ]
        read_only_fields = fields

    def get_files(self, version: ReportVersion) -> dict[str, str]:
        if version.status != "done":
            return {}
        return {f: reverse("reports:file", args=[version.pk, f]) for f in ("docx", "pdf", "html")}
