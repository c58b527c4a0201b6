from rest_framework import serializers

from core.api import ScopedSerializer

from ..models import Risk


class RiskSerializer(ScopedSerializer):
    class Meta:
        model = Risk
        fields = [
            "id",
            "title",
            "description",
            "area",
            "process",
            "unit",
            "owner",
            "probability",
            "consequence",
            "level",
            "comment",
            "last_assessed_on",
            "is_active",
            "actions",
        ]
        read_only_fields = ["level", "last_assessed_on", "actions"]

    def validate(self, attrs):
        # After creation the level changes only through a new assessment, which keeps the history.
        if self.instance is not None and {"probability", "consequence"} & attrs.keys():
            raise serializers.ValidationError({"probability": "Använd reassess för en ny bedömning."})
        return super().validate(attrs)


class ReassessSerializer(serializers.Serializer):
    probability = serializers.IntegerField()
    consequence = serializers.IntegerField()
    comment = serializers.CharField(required=False, allow_blank=True, default="")
