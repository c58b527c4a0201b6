from rest_framework import serializers

from ..models import AuditEntry


class AuditEntrySerializer(serializers.ModelSerializer):
    record_type = serializers.CharField(source="content_type.model", default="", read_only=True)

    class Meta:
        model = AuditEntry
        fields = [
            "id",
            "at",
            "actor",
            "actor_name",
            "action",
            "source",
            "record_type",
            "object_id",
            "object_repr",
            "unit",
            "changes",
            "note",
        ]
        read_only_fields = fields
