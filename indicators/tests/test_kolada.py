import json
from decimal import Decimal
from pathlib import Path

import pytest

from indicators import kolada
from indicators.models import KoladaMunicipality, KoladaValue
from indicators.tests.factories import IndicatorFactory

FIXTURES = Path(__file__).parent / "fixtures" / "kolada"
BASE = "https://api.kolada.se/v3"
ANSWERS = {
    f"{BASE}/data/kpi/N00001/municipality/0000,0880/year/2024,2025": "data_page1.json",
    f"{BASE}/data/kpi/N00001/municipality/0000,0880/year/2024,2025?page=2&per_page=2": "data_page2.json",
    f"{BASE}/municipality/0000,0880": "municipality.json",
}


class Recorded:
    """Answers from the recorded files, counting the calls; an unknown URL fails the test."""

    def __init__(self):
        self.calls: list[str] = []

    def __call__(self, url: str) -> dict:
        self.calls.append(url)
        return json.loads((FIXTURES / ANSWERS[url]).read_text())


@pytest.fixture
def kolada_settings(settings):
    settings.KOLADA_URL = BASE
    settings.KOLADA_MUNICIPALITY = "0880"
    settings.KOLADA_COMPARISON = []


def test_the_client_follows_next_url_through_every_page_and_stores_each_gender(db, kolada_settings):
    fetch = Recorded()
    stored = kolada.fetch_values("N00001", ["0880", "0000"], [2025, 2024], fetch)
    assert stored == 8
    assert fetch.calls[:2] == [
        f"{BASE}/data/kpi/N00001/municipality/0000,0880/year/2024,2025",
        f"{BASE}/data/kpi/N00001/municipality/0000,0880/year/2024,2025?page=2&per_page=2",
    ]
    assert KoladaMunicipality.objects.get(id="0880").title == "Kalmar"
    assert kolada.national_values("N00001") == {2024: Decimal("70.5"), 2025: Decimal("71.1")}
    assert kolada.national_values("N00001", "K")[2025] == Decimal("72.0")
    missing = KoladaValue.objects.get(municipality_id="0880", year=2025)
    assert (missing.value, missing.status) == (None, "Saknas")


def test_stored_values_serve_offline_and_a_second_fetch_updates_rather_than_duplicates(db, kolada_settings):
    kolada.fetch_values("N00001", ["0000", "0880"], [2024, 2025], Recorded())
    kolada.fetch_values("N00001", ["0000", "0880"], [2024, 2025], Recorded())
    assert KoladaValue.objects.count() == 8

    def offline(url):
        raise kolada.KoladaError("no network")

    # Reading the comparison needs no network at all.
    assert kolada.national_values("N00001")[2024] == Decimal("70.5")
    with pytest.raises(kolada.KoladaError):
        kolada.fetch_values("N00001", ["0000"], [2026], offline)
    assert KoladaValue.objects.count() == 8


def test_a_failure_on_a_later_page_writes_nothing(db, kolada_settings):
    def broken_second_page(url):
        if "page=2" in url:
            raise kolada.KoladaError("timeout")
        return Recorded()(url)

    with pytest.raises(kolada.KoladaError):
        kolada.fetch_values("N00001", ["0000", "0880"], [2024, 2025], broken_second_page)
    assert not KoladaValue.objects.exists()


def test_sync_fetches_every_linked_kpi_for_riket_and_the_municipality(db, kolada_settings):
    IndicatorFactory(code="IFO_X", kolada_kpi="N00001")
    IndicatorFactory(code="IFO_Y")
    assert kolada.sync([2024, 2025], Recorded()) == {"N00001": 8}


def test_the_indicator_page_compares_with_the_stored_municipalities_and_a_planner_can_fetch_now(
    client, tree, kolada_settings, monkeypatch
):
    from django.urls import reverse

    from accounts.choices import Role
    from accounts.tests.factories import person_with_role

    indicator = IndicatorFactory(code="IFO_X", kolada_kpi="N00001")

    def any_years(url):  # the task asks for the last five years; the recording holds two
        if "/data/" not in url:
            return json.loads((FIXTURES / "municipality.json").read_text())
        return json.loads((FIXTURES / ("data_page2.json" if "page=2" in url else "data_page1.json")).read_text())

    monkeypatch.setattr(kolada, "get_json", any_years)
    planner = person_with_role(Role.KVALITETSUTVECKLARE, tree.root)
    client.force_login(planner)
    response = client.post(reverse("indicators:fetch_kolada"), {"next": indicator.get_absolute_url()})
    assert response["Location"] == indicator.get_absolute_url()
    years, rows = client.get(indicator.get_absolute_url()).context["kolada"]
    assert years == [2024, 2025]
    assert rows == [("Kalmar", [Decimal("64.0000"), None]), ("Riket", [Decimal("70.5000"), Decimal("71.1000")])]
    evil = client.post(reverse("indicators:fetch_kolada"), {"next": "https://evil.example/"})
    assert evil["Location"] == reverse("indicators:list")
