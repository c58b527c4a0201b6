from rest_framework import serializers

from core.api import ScopedSerializer

from ..models import Action, ActionFollowUp


class FollowUpSerializer(serializers.ModelSerializer):
    point = serializers.StringRelatedField(help_text="The follow-up point, e.g. 'T2 2026'.")

    class Meta:
        model = ActionFollowUp
        fields = ["point", "text", "effect", "written_at"]
        read_only_fields = fields


class ActionSerializer(ScopedSerializer):
    follow_ups = FollowUpSerializer(
        many=True, read_only=True, help_text="Follow-up and effect per follow-up point, kept from follow_up/effect."
    )

    class Meta:
        model = Action
        fields = [
            "id",
            "title",
            "description",
            "unit",
            "responsible",
            "due_on",
            "status",
            "follow_up",
            "effect",
            "completed_on",
            "follow_ups",
        ]
        read_only_fields = ["status", "completed_on"]
