import factory

from goals.choices import GoalKind, QualityArea
from goals.models import FollowUpRound, Goal
from organisation.tests.factories import PeriodFactory, UnitFactory


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    year = 2026
    kind = GoalKind.QUALITY
    quality_area = QualityArea.KNOWLEDGE
    title = factory.Sequence(lambda n: f"Mål {n}")
    unit = factory.SubFactory(UnitFactory)


def round_at(code: str = "T2", year: int = 2026, unit=None) -> FollowUpRound:
    """A round at the point, for ``unit`` (by default the top of the organisation)."""
    from organisation.models import Unit

    period = PeriodFactory(year=year)
    if not period.points.exists():
        period.create_default_points()
    unit = unit or Unit.objects.filter(parent__isnull=True).order_by("path").first()
    return FollowUpRound.objects.create(point=period.points.get(code=code), unit=unit)
