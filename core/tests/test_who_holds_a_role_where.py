"""The scope's questions about one person: whether they hold a role over a unit, under it, and where — the one
place the pages, models and "Mitt att göra" ask it."""

from __future__ import annotations

from accounts.choices import STAFF, Role
from accounts.tests.factories import MembershipFactory, person_with_role
from core.scope import held_and_above, holds, holds_within, within_held
from deviations.models import Deviation
from deviations.tests.factories import DeviationFactory

HEADS = frozenset({Role.VERKSAMHETSCHEF})


def test_a_role_holds_over_its_unit_and_every_unit_below_it_not_beside_or_above(tree):
    head = person_with_role(Role.VERKSAMHETSCHEF, tree.a)
    assert holds(head, HEADS, tree.a) and holds(head, HEADS, tree.a1)
    assert not holds(head, HEADS, tree.b) and not holds(head, HEADS, tree.admin_office)
    assert not holds(head, frozenset({Role.ENHETSCHEF}), tree.a1)  # only the roles asked for


def test_a_person_works_under_a_unit_where_any_of_their_roles_lies_below_it(tree):
    worker = person_with_role(Role.MEDARBETARE, tree.a1)
    assert holds_within(worker, STAFF, tree.a) and holds_within(worker, STAFF, tree.root)
    assert not holds_within(worker, STAFF, tree.b)
    # A role higher up does not hide the one below: a person at the root and at A1 works under A as well.
    MembershipFactory(user=worker, unit=tree.root, role=Role.KVALITETSUTVECKLARE)
    assert holds_within(worker, STAFF, tree.a)


def test_the_units_held_and_above_are_the_path_up_to_the_root(tree):
    worker = person_with_role(Role.MEDARBETARE, tree.a1)
    assert held_and_above(worker, STAFF) == {tree.root.pk, tree.admin_office.pk, tree.a.pk, tree.a1.pk}


def test_records_within_the_units_held_or_nothing_to_ask(tree):
    head = person_with_role(Role.VERKSAMHETSCHEF, tree.a)
    inside, outside = DeviationFactory(unit=tree.a1), DeviationFactory(unit=tree.b1)
    assert list(Deviation.objects.filter(within_held(head, HEADS))) == [inside]
    assert outside.pk not in Deviation.objects.filter(within_held(head, HEADS)).values_list("pk", flat=True)
    assert not Deviation.objects.filter(within_held(person_with_role(Role.MEDARBETARE, tree.a1), HEADS)).exists()
