import factory

from indicators.choices import Direction, Measure
from indicators.models import Indicator


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"IND_{n}")
    name = factory.Sequence(lambda n: f"Indikator {n}")
    measure = Measure.PERCENT
    better = Direction.HIGHER
