import datetime as dt

import time_machine

from organisation.choices import PeriodScheme
from organisation.rules import default_follow_up_points, next_process_review, shift_year


def test_tertial_points_are_cumulative_from_the_first_of_january():
    points = default_follow_up_points(2026, PeriodScheme.TERTIAL)
    assert [(p.code, p.starts_on, p.ends_on) for p in points] == [
        ("T1", dt.date(2026, 1, 1), dt.date(2026, 4, 30)),
        ("T2", dt.date(2026, 1, 1), dt.date(2026, 8, 31)),
        ("VB", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    ]


def test_interim_and_quarter_schemes_end_in_a_full_year():
    assert [p.code for p in default_follow_up_points(2026, PeriodScheme.DELAR)] == ["DÅ1", "DÅ2", "VB"]
    quarters = default_follow_up_points(2024, PeriodScheme.KVARTAL)
    assert [p.ends_on for p in quarters] == [
        dt.date(2024, 3, 31),
        dt.date(2024, 6, 30),
        dt.date(2024, 9, 30),
        dt.date(2024, 12, 31),
    ]
    assert [p.code for p in default_follow_up_points(2026, PeriodScheme.CUSTOM)] == ["VB"]


def test_a_process_is_due_for_review_twelve_months_after_adoption():
    assert next_process_review(dt.date(2025, 3, 15)) == dt.date(2026, 3, 15)
    assert next_process_review(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)
    assert next_process_review(dt.date(2025, 8, 31), months=6) == dt.date(2026, 2, 28)


def test_moving_a_date_a_year_on_keeps_the_day_except_leap_day():
    assert shift_year(dt.date(2025, 4, 30), 1) == dt.date(2026, 4, 30)
    assert shift_year(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)


@time_machine.travel(dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC), tick=False)
def test_a_process_owner_sees_reviews_due_within_a_month_on_the_start_page(client, tree):
    from accounts.choices import Role
    from accounts.tests.factories import person_with_role
    from organisation.tests.factories import ProcessFactory

    owner = person_with_role(Role.PROCESSAGARE, tree.admin_office)
    ProcessFactory(unit=tree.a, owner=owner, name="Förfallen", established_on=dt.date(2025, 11, 1))
    ProcessFactory(unit=tree.a, owner=owner, name="Snart", established_on=dt.date(2025, 12, 20))
    ProcessFactory(unit=tree.a, owner=owner, name="Senare", established_on=dt.date(2026, 6, 1))
    client.force_login(owner)

    items = client.get("/").context["todo"]

    assert [(i.title, i.overdue) for i in items] == [
        ("Genomför: Årlig översyn av processen ”Förfallen”", True),
        ("Genomför: Årlig översyn av processen ”Snart”", False),
    ]
