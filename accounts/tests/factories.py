import datetime as dt

import factory

from accounts.choices import Role
from accounts.models import Membership, User
from organisation.tests.factories import UnitFactory

PASSWORD = "ett-langt-testlosenord-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    first_name = factory.Faker("first_name", locale="sv_SE")
    last_name = factory.Faker("last_name", locale="sv_SE")
    email = factory.LazyAttribute(lambda u: f"{u.username}@exempel.se")

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    unit = factory.SubFactory(UnitFactory)
    role = Role.MEDARBETARE
    # A fixed early day, not today: a test that travels back in time still finds its personas in office.
    valid_from = dt.date(2000, 1, 1)


def person_with_role(role: str, unit, **kwargs) -> User:
    """A person holding ``role`` at ``unit`` (and so over its subtree)."""
    user = UserFactory(**kwargs)
    MembershipFactory(user=user, unit=unit, role=role)
    return user
