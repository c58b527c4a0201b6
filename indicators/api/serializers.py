from rest_framework import serializers

from core.api import ScopedSerializer

from ..forms import INDICATOR_FIELDS
from ..models import Indicator, Result, Target


class TargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Target
        fields = ["year", "unit", "value"]
        read_only_fields = fields


class IndicatorSerializer(ScopedSerializer):
    targets = TargetSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = ["id", *INDICATOR_FIELDS, "targets"]


class ResultSerializer(ScopedSerializer):
    class Meta:
        model = Result
        fields = [
            "id",
            "indicator",
            "point",
            "unit",
            "gender",
            "value",
            "numerator",
            "denominator",
            "source",
            "comment",
            "source_note",
        ]
