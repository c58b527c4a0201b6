from rest_framework import serializers

from core.api import ScopedSerializer

from ..models import Deviation


class DeviationSerializer(ScopedSerializer):
    reference = serializers.CharField(read_only=True)

    class Meta:
        model = Deviation
        fields = [
            "id",
            "reference",
            "unit",
            "kind",
            "lex_sarah_type",
            "private_provider",
            "occurred_at",
            "location",
            "description",
            "immediate_actions",
            "reported_by",
            "reported_at",
            "status",
            "investigation",
            "consequences",
            "analysis",
            "root_causes",
            "person_view",
            "assessment",
            "is_serious",
            "decided_by",
            "decided_on",
            "decision",
            "ivo_reported_on",
            "ivo_reference",
            "staff_informed_on",
            "person_informed_on",
            "care_injury",
            "lex_maria_reported_on",
            "linked_event",
            "actions",
            "closing_note",
        ]
        read_only_fields = [
            "reported_by",
            "reported_at",
            "status",
            "decided_by",
            "decided_on",
            "closing_note",
            "actions",
        ]
