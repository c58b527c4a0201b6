from core.api import ScopedSerializer

from ..models import Membership, User


class MembershipSerializer(ScopedSerializer):
    class Meta:
        model = Membership
        fields = ["id", "user", "unit", "role", "valid_from", "valid_to", "note"]


class PersonSerializer(ScopedSerializer):
    class Meta:
        model = User
        fields = ["id", "username", "first_name", "last_name", "email", "title", "is_active"]
        read_only_fields = fields
