import factory

from actions.models import Action
from organisation.tests.factories import UnitFactory


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    title = factory.Sequence(lambda n: f"Åtgärd {n}")
    unit = factory.SubFactory(UnitFactory)
