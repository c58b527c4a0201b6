import datetime as dt

import factory

from organisation.choices import PeriodScheme, ProcessKind, UnitKind
from organisation.models import Period, Process, TargetGroup, Unit


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"U{n}")
    name = factory.Sequence(lambda n: f"Enhet {n}")
    kind = UnitKind.ENHET
    parent = None


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup

    name = factory.Sequence(lambda n: f"Målgrupp {n}")


class ProcessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Process

    code = factory.Sequence(lambda n: f"P{n}")
    name = factory.Sequence(lambda n: f"Process {n}")
    kind = ProcessKind.HUVUD
    unit = factory.SubFactory(UnitFactory)
    established_on = dt.date(2026, 1, 15)


class PeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Period
        django_get_or_create = ("year",)

    year = 2026
    scheme = PeriodScheme.TERTIAL
