import pytest

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from core.imports import ImportRefused
from staff.demo import SEED
from staff.importer import import_staff
from staff.models import StaffFigure


def test_the_seeds_staff_tables_import(tree):
    planner = person_with_role(Role.KVALITETSUTVECKLARE, tree.root)
    assert import_staff(SEED.format(u=tree.root.code, year=2022).encode(), "p.csv", by=planner) == 9
    assert str(StaffFigure.objects.get(measure="sjukfranvaro", gender="T").value) == "7.54"


def test_a_total_that_is_not_women_plus_men_is_refused_naming_the_row(tree):
    planner = person_with_role(Role.KVALITETSUTVECKLARE, tree.root)
    wrong = SEED.format(u=tree.root.code, year=2022).replace(";personer;T;1 032", ";personer;T;1 033")
    with pytest.raises(ImportRefused) as refused:
        import_staff(wrong.encode(), "p.csv", by=planner)
    assert [(e.row, e.column) for e in refused.value.errors] == [(4, "varde")]
    assert not StaffFigure.objects.exists()
