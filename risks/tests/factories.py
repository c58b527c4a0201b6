import factory

from organisation.tests.factories import UnitFactory
from risks.models import Risk


class RiskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Risk

    title = factory.Sequence(lambda n: f"Risk {n}")
    area = "Myndighetsutövning för barn och unga"
    unit = factory.SubFactory(UnitFactory)
    probability = 3
    consequence = 3
