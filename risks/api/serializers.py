from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.api import ScopedSerializer

from ..models import Risk, RiskAssessment


class AssessmentSerializer(serializers.ModelSerializer):
    point = serializers.StringRelatedField(help_text="The follow-up point, e.g. 'T2 2026'.")

    class Meta:
        model = RiskAssessment
        fields = ["assessed_on", "point", "probability", "consequence", "level", "comment"]
        read_only_fields = fields


class RiskSerializer(ScopedSerializer):
    assessments = AssessmentSerializer(many=True, read_only=True)

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
            "assessments",
        ]
        read_only_fields = ["level", "last_assessed_on", "actions"]

    def validate(self, attrs):
        # After creation the level changes only through a new assessment, which keeps the history.
        if self.instance is not None and {"probability", "consequence"} & attrs.keys():
            raise serializers.ValidationError(
                {"probability": _("A new assessment goes through reassess, which keeps the history.")}
            )
        return super().validate(attrs)


class ReassessSerializer(serializers.Serializer):
    probability = serializers.IntegerField()
    consequence = serializers.IntegerField()
    comment = serializers.CharField(required=False, allow_blank=True, default="")
