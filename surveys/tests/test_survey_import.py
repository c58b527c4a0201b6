from decimal import Decimal

import pytest

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from core.imports import ImportRefused
from indicators.models import Result
from indicators.tests.factories import IndicatorFactory
from organisation.tests.factories import PeriodFactory
from surveys.importer import import_surveys
from surveys.models import Survey

HEADER = "undersokning;enhet;ar;kalla;utdelade;svar;fraga_kod;fraga;andel_positiva;riket\n"


def rows(unit, *lines):
    return (
        HEADER + "".join(f"Brukarundersökning boendestöd;{unit.code};2026;nationell;245;102;{line}\n" for line in lines)
    ).encode()


def test_the_response_rate_is_computed_and_a_linked_indicator_gets_its_result(tree):
    period = PeriodFactory(year=2026)
    period.create_default_points()
    indicator = IndicatorFactory(code="BOS_HJALP", source="survey", survey_question="Q1")
    planner = person_with_role(Role.KVALITETSUTVECKLARE, tree.root)
    import_surveys(rows(tree.a1, "Q1;Får du den hjälp du vill ha?;91,7;88", "Q2;Trivs du?;95;93"), "b.csv", by=planner)
    survey = Survey.objects.get()
    assert survey.response_rate == Decimal("41.6")  # 102 av 245 (seed 002 printed 43 %)
    assert survey.questions.get(code="Q1").national_share == Decimal("88")
    result = Result.objects.get(indicator=indicator)
    assert (result.point.code, result.unit, result.value, result.source) == ("VB", tree.a1, Decimal("91.7"), "survey")


def test_a_bad_row_imports_nothing_and_is_named(tree):
    planner = person_with_role(Role.KVALITETSUTVECKLARE, tree.root)
    with pytest.raises(ImportRefused) as refused:
        import_surveys(rows(tree.a1, "Q1;Får du hjälp?;91,7;88", "Q2;Trivs du?;195;93"), "b.csv", by=planner)
    assert [(e.row, e.column) for e in refused.value.errors] == [(3, "andel_positiva")]
    assert not Survey.objects.exists()


def test_another_units_chief_cannot_import_and_the_list_is_scoped(client, tree, chief_a, chief_b):
    with pytest.raises(ImportRefused):
        import_surveys(rows(tree.a1, "Q1;Får du hjälp?;91;88"), "b.csv", by=chief_b)
    planner = person_with_role(Role.KVALITETSUTVECKLARE, tree.root)
    import_surveys(rows(tree.a1, "Q1;Får du hjälp?;91;88"), "b.csv", by=planner)
    client.force_login(chief_b)
    assert client.get("/brukarundersokningar/").context["total"] == 0
    client.force_login(chief_a)
    assert client.get("/brukarundersokningar/").context["total"] == 1
