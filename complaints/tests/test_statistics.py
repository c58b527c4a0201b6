import datetime as dt
import random
from collections import Counter

from django.urls import reverse

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from complaints.choices import Category, ComplaintKind
from complaints.tests.factories import ComplaintFactory


def test_the_table_per_unit_and_category_equals_the_records(client, tree):
    rng = random.Random(3)
    made = [
        ComplaintFactory(
            unit=rng.choice([tree.a1, tree.a2, tree.b1]),
            category=rng.choice(Category.values),
            kind=rng.choice(ComplaintKind.values),
            received_on=dt.date(2025, rng.randint(1, 12), 5),
        )
        for _ in range(40)
    ]
    client.force_login(person_with_role(Role.ADMINISTRATOR, tree.root))
    stats = client.get(reverse("complaints:statistics"), {"date_from": "2025-01-01", "date_to": "2025-12-31"}).context[
        "stats"
    ]
    expected = Counter((c.unit.name, c.category) for c in made)
    for row in stats.per_unit:
        assert row.counts == [expected.get((row.unit, v), 0) for v in Category.values]
        assert row.total == sum(row.counts)
    assert sum(stats.category_totals) == stats.total == len(made)
    assert dict(stats.by_kind) == {str(k.label): sum(c.kind == k for c in made) for k in ComplaintKind}
