import datetime as dt

from accounts.choices import Role
from accounts.models import Membership
from accounts.tests.factories import MembershipFactory, person_with_role
from core.scope import Perm, can, forget_grants


def test_a_role_at_a_unit_covers_its_sub_units_but_not_its_parent_or_siblings(tree, chief_a):
    assert can(chief_a, Perm.VIEW, Membership, tree.a)
    assert can(chief_a, Perm.VIEW, Membership, tree.a1)
    assert not can(chief_a, Perm.VIEW, Membership, tree.admin_office)
    assert not can(chief_a, Perm.VIEW, Membership, tree.b)


def test_a_chief_of_b_sees_no_one_in_a(tree, chief_a, chief_b):
    in_a = person_with_role(Role.MEDARBETARE, tree.a1)
    visible = Membership.objects.visible_to(chief_b)
    assert not visible.filter(unit__in=[tree.a, tree.a1, tree.a2]).exists()
    assert in_a not in type(in_a).objects.visible_to(chief_b)


def test_an_ended_membership_grants_nothing(tree):
    user = person_with_role(Role.ENHETSCHEF, tree.a)
    membership = user.memberships.get()
    membership.valid_to = dt.date(2020, 1, 1)
    membership.valid_from = dt.date(2019, 1, 1)
    membership.save()
    forget_grants(user)
    assert not can(user, Perm.VIEW, Membership, tree.a)


def test_a_membership_that_has_not_started_grants_nothing(tree):
    user = person_with_role(Role.ENHETSCHEF, tree.a)
    user.memberships.update(valid_from=dt.date(2999, 1, 1))
    forget_grants(user)
    assert not Membership.objects.visible_to(user).exists()


def test_a_committee_member_sees_no_personal_records_even_at_the_root(tree):
    member = person_with_role(Role.NAMNDLEDAMOT, tree.root)
    MembershipFactory(unit=tree.a1)
    assert not Membership.objects.visible_to(member).exists()
    assert list(type(member).objects.visible_to(member)) == [member]
