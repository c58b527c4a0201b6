import datetime as dt

import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from deviations.choices import DeviationKind, LexSarahType
from deviations.models import Deviation
from organisation.tests.factories import UnitFactory


class DeviationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deviation

    unit = factory.SubFactory(UnitFactory)
    kind = DeviationKind.INTERNAL
    occurred_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=2))
    description = "Fel dos av läkemedel gavs vid kvällsmedicineringen."
    reported_by = factory.SubFactory(UserFactory)


class LexSarahFactory(DeviationFactory):
    kind = DeviationKind.LEX_SARAH
    lex_sarah_type = LexSarahType.MISSFORHALLANDE
    description = "Brukaren fick inte sin insats på tre dagar eftersom planeringen brast."
