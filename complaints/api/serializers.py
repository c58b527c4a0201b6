from django.utils.translation import gettext as _

from core.api import ScopedSerializer

from ..models import Complaint

TEXT_FIELDS = ("description", "name", "contact", "analysis", "reply")


class ComplaintSerializer(ScopedSerializer):
    class Meta:
        model = Complaint
        fields = [
            "id",
            "reference",
            "kind",
            "received_on",
            "channel",
            "unit",
            "category",
            "description",
            "name",
            "contact",
            "wants_reply",
            "registered_by",
            "status",
            "analysis",
            "reply",
            "replied_on",
            "confidential",
            "actions",
        ]
        read_only_fields = ["reference", "registered_by", "status", "actions"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is not None and not instance.text_visible_to(request.user):
            for name in TEXT_FIELDS:
                data[name] = _("Confidential")
        return data
