from core.api import ScopedSerializer

from ..models import Control, ControlRun, Review


class ControlSerializer(ScopedSerializer):
    class Meta:
        model = Control
        fields = [
            "id",
            "title",
            "purpose",
            "method",
            "risk",
            "unit",
            "responsible",
            "cadence",
            "first_due_on",
            "next_due_on",
            "plan",
            "is_active",
        ]
        read_only_fields = ["next_due_on"]


class ControlRunSerializer(ScopedSerializer):
    class Meta:
        model = ControlRun
        fields = [
            "id",
            "control",
            "performed_on",
            "result",
            "numerator",
            "denominator",
            "verdict",
            "action",
            "performed_by",
        ]
        read_only_fields = ["action", "performed_by"]

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None:
            fields["control"].queryset = Control.objects.visible_to(request.user, "change")
        return fields


class ReviewSerializer(ScopedSerializer):
    class Meta:
        model = Review
        fields = [
            "id",
            "kind",
            "title",
            "performed_by",
            "performed_on",
            "unit",
            "findings",
            "response",
            "reported_to_committee_on",
            "actions",
        ]
        read_only_fields = ["actions"]
