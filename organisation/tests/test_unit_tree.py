from django.urls import reverse

from organisation.choices import UnitKind
from organisation.models import Unit
from organisation.tests.factories import UnitFactory


def test_a_unit_knows_its_path_depth_and_ancestors(tree):
    assert tree.a1.path == f"/{tree.root.pk}/{tree.admin_office.pk}/{tree.a.pk}/{tree.a1.pk}/"
    assert tree.a1.depth == 3
    assert list(tree.a1.ancestors()) == [tree.root, tree.admin_office, tree.a]
    assert set(tree.a.subtree()) == {tree.a, tree.a1, tree.a2}


def test_moving_a_unit_moves_its_whole_subtree(tree):
    deep = UnitFactory(parent=tree.a1)
    tree.a.parent = tree.root
    tree.a.save()
    deep.refresh_from_db()
    assert deep.path == f"/{tree.root.pk}/{tree.a.pk}/{tree.a1.pk}/{deep.pk}/"
    assert deep.depth == 3


def test_a_unit_cannot_be_moved_under_its_own_sub_unit(client, tree, admin):
    client.force_login(admin)
    form = {
        "code": "A",
        "name": "Område A",
        "kind": UnitKind.VERKSAMHETSOMRADE,
        "parent": tree.a1.pk,
        "is_active": "on",
    }
    response = client.post(reverse("organisation:unit_update", args=[tree.a.pk]), form)
    assert response.status_code == 200
    assert "En enhet kan inte placeras under sig själv" in response.content.decode()
    tree.a.refresh_from_db()
    assert tree.a.parent == tree.admin_office


def test_a_code_with_spaces_is_refused_with_a_swedish_message(client, tree, admin):
    client.force_login(admin)
    form = {"code": "med mellanslag", "name": "X", "kind": UnitKind.ENHET, "parent": tree.a.pk, "is_active": "on"}
    response = client.post(reverse("organisation:unit_create"), form)
    assert "inga mellanslag" in response.content.decode()
    assert not Unit.objects.filter(name="X").exists()


def test_only_a_committee_may_stand_at_the_top(client, tree, admin):
    client.force_login(admin)
    form = {"code": "TOP", "name": "Fristående", "kind": UnitKind.ENHET, "parent": "", "is_active": "on"}
    response = client.post(reverse("organisation:unit_create"), form)
    assert "Bara en nämnd kan ligga överst" in response.content.decode()


def test_the_api_refuses_a_cycle_in_the_tree_with_the_same_message(tree, admin):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(admin)
    response = api.patch(f"/api/v1/units/{tree.a.pk}/", {"parent": tree.a2.pk}, format="json")
    assert response.status_code == 400
    assert "En enhet kan inte placeras under sig själv" in response.json()["parent"][0]
