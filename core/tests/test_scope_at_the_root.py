"""The scope's two shortcuts for large tables: a role at the tree's only root is not filtered at all, and on
PostgreSQL a unit's subtree is matched as ``unit_id = ANY(ARRAY(…))`` so the record table's index can be used."""

from __future__ import annotations

import pytest
from django.db import connection

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from core.scope import Perm
from deviations.models import Deviation
from deviations.tests.factories import DeviationFactory
from organisation.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def _where(queryset) -> str:
    sql = str(queryset.query)
    return sql.split(" WHERE ", 1)[1] if " WHERE " in sql else ""


def test_a_role_at_the_only_root_reads_every_record_without_a_filter(tree):
    chief = person_with_role(Role.VERKSAMHETSCHEF, tree.root, username="vc")
    DeviationFactory(unit=tree.a1)
    DeviationFactory(unit=tree.b1)
    # DeviationFactory makes its own reporter; the records above are the only ones, both under the root.
    visible = Deviation.objects.visible_to(chief)

    assert _where(visible) == ""
    assert visible.count() == 2


def test_a_role_at_one_of_two_roots_sees_only_its_own_tree(tree):
    other = UnitFactory(code="ON", name="Omsorgsnämnden")
    chief = person_with_role(Role.VERKSAMHETSCHEF, tree.root, username="vc")
    own = DeviationFactory(unit=tree.a1)
    DeviationFactory(unit=UnitFactory(code="O1", name="Hemtjänst Norr", parent=other))

    visible = Deviation.objects.visible_to(chief)

    assert _where(visible) != ""
    assert list(visible) == [own]


def test_a_chief_below_the_root_is_filtered_on_the_unit_and_sees_only_the_subtree(tree):
    chief = person_with_role(Role.ENHETSCHEF, tree.a, username="ec.a")
    own = DeviationFactory(unit=tree.a1)
    DeviationFactory(unit=tree.b1)

    visible = Deviation.objects.visible_to(chief, Perm.VIEW)

    if connection.vendor == "postgresql":
        assert '"unit_id" = ANY(ARRAY(SELECT' in _where(visible)
    assert list(visible) == [own]
