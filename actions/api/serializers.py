from core.api import ScopedSerializer

from ..models import Action


class ActionSerializer(ScopedSerializer):
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
        ]
        read_only_fields = ["status", "completed_on"]
