import datetime as dt

import factory

from controls.choices import Cadence, Method
from controls.models import Control
from organisation.tests.factories import UnitFactory


class ControlFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Control

    title = factory.Sequence(lambda n: f"Aktgranskning {n}")
    purpose = "Kontrollera att vårdplan finns."
    method = Method.CASE_REVIEW
    unit = factory.SubFactory(UnitFactory)
    cadence = Cadence.QUARTERLY
    first_due_on = dt.date(2026, 3, 31)
