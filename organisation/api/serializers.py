from core.api import ScopedSerializer

from ..models import FollowUpPoint, Period, Process, TargetGroup, Unit


class UnitSerializer(ScopedSerializer):
    class Meta:
        model = Unit
        fields = ["id", "code", "name", "kind", "parent", "description", "is_active", "depth", "path"]
        read_only_fields = ["depth", "path"]


class ProcessSerializer(ScopedSerializer):
    class Meta:
        model = Process
        fields = [
            "id",
            "code",
            "name",
            "kind",
            "unit",
            "owner",
            "description",
            "target_groups",
            "established_on",
            "established_by",
            "next_review_on",
            "is_active",
        ]


class TargetGroupSerializer(ScopedSerializer):
    class Meta:
        model = TargetGroup
        fields = ["id", "name", "description", "is_active"]


class FollowUpPointSerializer(ScopedSerializer):
    class Meta:
        model = FollowUpPoint
        fields = ["id", "period", "code", "name", "starts_on", "ends_on", "report_due_on", "order"]


class PeriodSerializer(ScopedSerializer):
    points = FollowUpPointSerializer(many=True, read_only=True)

    class Meta:
        model = Period
        fields = ["id", "year", "scheme", "points"]
