import datetime as dt

import time_machine

from deviations.choices import DeviationKind, DeviationStatus, Step
from deviations.rules import DEFAULT_TARGET_DAYS, step_states

REPORTED = dt.date(2026, 11, 2)


def states(**kw):
    args = dict(
        kind=DeviationKind.LEX_SARAH,
        status=DeviationStatus.REPORTED,
        reported_on=REPORTED,
        is_serious=None,
        decided_on=None,
        ivo_reported_on=None,
        targets=DEFAULT_TARGET_DAYS,
    )
    args.update(kw)
    return {s.step: s for s in step_states(**args)}


def test_an_internal_deviation_has_a_start_and_a_closing_target():
    got = states(kind=DeviationKind.INTERNAL, today=REPORTED)
    assert list(got) == [Step.START, Step.CLOSE]
    assert got[Step.START].due_on == dt.date(2026, 11, 4)
    assert got[Step.CLOSE].due_on == dt.date(2027, 1, 1)


def test_a_serious_lex_sarah_also_has_an_ivo_target_of_two_weeks():
    got = states(is_serious=True, today=REPORTED)
    assert list(got) == [Step.START, Step.ASSESS, Step.IVO, Step.CLOSE]
    assert got[Step.IVO].due_on == dt.date(2026, 11, 16)


@time_machine.travel(dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC), tick=False)
def test_a_step_is_overdue_the_day_after_its_target_date_until_it_is_done(tree):
    from django.utils import timezone

    today = timezone.localdate()
    late = states(is_serious=True, status=DeviationStatus.INVESTIGATING, decided_on=dt.date(2026, 11, 5), today=today)
    assert (late[Step.START].overdue, late[Step.ASSESS].overdue, late[Step.IVO].overdue) == (False, False, True)
    done = states(
        is_serious=True,
        status=DeviationStatus.INVESTIGATING,
        decided_on=dt.date(2026, 11, 5),
        ivo_reported_on=dt.date(2026, 11, 22),
        today=today,
    )
    assert not done[Step.IVO].overdue
    on_the_day = states(kind=DeviationKind.INTERNAL, reported_on=dt.date(2026, 11, 21), today=today)
    assert not on_the_day[Step.START].overdue


def test_the_nämnd_sets_its_own_target_days(tree):
    from deviations.models import TargetTime

    TargetTime.objects.create(step=Step.CLOSE, days=30, source="Socialnämndens riktlinje 2026")
    assert TargetTime.current()[Step.CLOSE] == 30
    assert TargetTime.current()[Step.START] == DEFAULT_TARGET_DAYS[Step.START]
