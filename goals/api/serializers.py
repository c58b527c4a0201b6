from rest_framework import serializers

from core.api import ScopedSerializer

from ..models import FollowUpRound, Goal, GoalReport


class GoalSerializer(ScopedSerializer):
    class Meta:
        model = Goal
        fields = [
            "id",
            "year",
            "kind",
            "parent",
            "title",
            "description",
            "quality_area",
            "responsible",
            "unit",
            "units",
            "indicators",
            "order",
        ]


class RoundSerializer(ScopedSerializer):
    class Meta:
        model = FollowUpRound
        fields = ["id", "point", "status", "deadline", "reported_to_committee_on"]
        read_only_fields = ["status", "reported_to_committee_on"]


class GoalReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = GoalReport
        fields = [
            "id",
            "round",
            "goal",
            "unit",
            "assessment",
            "overall",
            "cause",
            "action",
            "comment",
            "suggested",
            "reported_by",
            "updated_at",
        ]
        read_only_fields = fields
