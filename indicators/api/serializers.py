from rest_framework import serializers

from core.api import ScopedSerializer

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
        fields = [
            "id",
            "code",
            "name",
            "description",
            "measure",
            "better",
            "gender_split",
            "source",
            "kolada_kpi",
            "survey_question",
            "unit",
            "responsible",
            "target_value",
            "target_year",
            "is_active",
            "targets",
        ]


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
            "source_note",
        ]
