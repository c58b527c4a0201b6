"""A query parameter a page cannot use answers 400 with a Swedish message naming it: never 500, never a silently
different page."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

BAD = {"year": "abc", "month": "13", "period": "x", "unit": "abc", "page": "abc", "status": "nonsense", "point": "x"}
# Digits Python's str.isdigit() accepts but int() does not, and a number too long to be one.
ODD = {"year": "²", "unit": "²", "page": "9" * 5000, "period": "²", "point": "²", "gender": "²", "month": "²"}


def _pages_without_arguments(patterns=None, prefix=""):
    """Every URL of the site that takes no path argument, as a path."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(pattern.pattern).removeprefix("^").removesuffix("$").removesuffix("\\Z")
        if isinstance(pattern, URLResolver):
            yield from _pages_without_arguments(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern) and not any(sign in route for sign in "<(\\[?*+"):
            yield "/" + prefix + route


def test_no_page_answers_500_to_bad_values_of_the_parameters_pages_read(client, admin):
    client.force_login(admin)
    pages = sorted(set(_pages_without_arguments()))
    assert len(pages) > 60  # the whole site, not a few pages
    failed = {}
    for path in pages:
        for query in (BAD, ODD):
            status = client.get(path, query).status_code
            if status >= 500:
                failed[path] = status
    assert failed == {}


@pytest.mark.parametrize(
    "path, query, named",
    [
        ("/arshjul/", {"year": "abc"}, "år"),
        ("/arshjul/", {"year": "1066"}, "år"),
        ("/egenkontroller/kvalitetsplan/", {"year": "abc"}, "år"),
        ("/mal/", {"year": "20x6"}, "år"),
        ("/arendedata/ej-verkstallda/", {"period": "9"}, "period"),
        ("/avvikelser/teman/", {"month": "2026-13"}, "månad"),
        ("/risker/matris/", {"unit": "abc"}, "enhet"),
        ("/arshjul/", {"unit": "²"}, "enhet"),
        ("/mal/oversikt/", {"point": "²"}, "uppföljningstillfälle"),
    ],
)
def test_a_bad_year_period_month_or_unit_answers_400_naming_the_parameter(client, admin, path, query, named):
    client.force_login(admin)
    response = client.get(path, query)
    assert response.status_code == 400
    page = response.content.decode()
    assert f"Parametern ”{named}”" in page
    assert next(iter(query.values())) in page


def test_a_unit_number_that_names_no_unit_answers_400(client, admin):
    client.force_login(admin)
    response = client.get("/arshjul/", {"unit": "999999"})
    assert response.status_code == 400
    assert "Det finns ingen enhet med nummer 999999" in response.content.decode()


def test_a_list_with_a_filter_it_cannot_use_says_so_and_shows_no_rows(client, admin, tree):
    from deviations.tests.factories import DeviationFactory

    DeviationFactory(unit=tree.a1)
    client.force_login(admin)
    response = client.get("/avvikelser/", {"status": "nonsense"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Filtret kan inte användas" in page
    assert "0 poster" in page
    assert client.get("/avvikelser/").context["total"] == 1


def test_an_export_with_a_filter_it_cannot_use_answers_400_and_makes_no_file(client, admin):
    client.force_login(admin)
    response = client.get("/avvikelser/export/", {"status": "nonsense"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Status" in response.content.decode()


def test_good_values_still_choose_what_the_page_shows(client, admin, tree):
    client.force_login(admin)
    assert client.get("/arshjul/", {"year": "2027", "unit": str(tree.a.pk)}).context["year"] == 2027
    assert client.get("/avvikelser/teman/", {"month": "2026-03"}).context["month_value"] == "2026-03"


def test_a_document_asked_for_with_a_bad_year_answers_400_and_one_outside_the_scope_404(client, admin, chief_b, tree):
    query = {"kind": "kvalitetsberattelse", "year": "abc", "unit": str(tree.root.pk)}
    client.force_login(admin)
    response = client.get("/rapporter/forhandsgranska/", query)
    assert response.status_code == 400
    assert "År:" in response.content.decode()
    client.force_login(chief_b)
    assert client.get("/rapporter/forhandsgranska/", {**query, "year": "2026"}).status_code == 404


def test_an_indicators_page_refuses_a_gender_it_does_not_split_by_and_a_unit_that_is_no_number(client, admin):
    from indicators.tests.factories import IndicatorFactory

    indicator = IndicatorFactory()
    client.force_login(admin)
    url = f"/indikatorer/{indicator.pk}/"
    assert client.get(url).status_code == 200
    refused = client.get(url, {"gender": "X"})
    assert refused.status_code == 400 and "Parametern ”kön”" in refused.content.decode()
    assert client.get(url, {"unit": "abc"}).status_code == 400
