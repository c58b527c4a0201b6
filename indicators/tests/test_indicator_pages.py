from decimal import Decimal

from django.urls import reverse

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from indicators.models import KoladaMunicipality, KoladaValue, Result
from indicators.tests.factories import IndicatorFactory
from organisation.tests.factories import PeriodFactory


def points(*years):
    found = []
    for year in years:
        period = PeriodFactory(year=year)
        if not period.points.exists():
            period.create_default_points()
        found += list(period.points.order_by("order"))
    return found


def test_the_standard_ifo_catalogue_is_there_with_stable_codes(db):
    from indicators.models import Indicator

    codes = set(Indicator.objects.values_list("code", flat=True))
    assert {
        "IFO_BOU_UTR_4MAN",
        "IFO_BOU_UTR_90D",
        "IFO_AKT_14D",
        "IFO_VUX_UTR_60D",
        "IFO_VERKST_14D",
        "IFO_VERKST_DAGAR",
    } <= codes


def test_a_chief_enters_a_share_as_counts_and_the_value_is_computed(client, tree, chief_a):
    indicator = IndicatorFactory(code="IFO_UNG_DROGFRI")
    point = points(2026)[0]
    client.force_login(chief_a)
    response = client.post(
        reverse("indicators:result_create", args=[indicator.pk]),
        {"point": point.pk, "unit": tree.a1.pk, "gender": "T", "numerator": 9, "denominator": 26, "source": "manual"},
    )
    assert response.status_code == 302, response.context["form"].errors
    assert Result.objects.get().value == Decimal("34.6")


def test_bad_counts_are_refused_naming_the_field_and_nothing_is_saved(client, tree, chief_a):
    indicator = IndicatorFactory()
    point = points(2026)[0]
    client.force_login(chief_a)
    url = reverse("indicators:result_create", args=[indicator.pk])
    base = {"point": point.pk, "unit": tree.a1.pk, "gender": "T", "source": "manual"}
    assert "numerator" in client.post(url, {**base, "numerator": 30, "denominator": 26}).context["form"].errors
    assert "denominator" in client.post(url, {**base, "numerator": 3}).context["form"].errors
    assert "value" in client.post(url, base).context["form"].errors
    assert "gender" in client.post(url, {**base, "gender": "K", "value": "40"}).context["form"].errors
    Result.objects.create(indicator=indicator, point=point, unit=tree.a1, value=50)
    assert "point" in client.post(url, {**base, "value": "60"}).context["form"].errors
    assert Result.objects.count() == 1


def test_another_units_chief_cannot_enter_results_for_unit_a(client, tree, chief_b):
    indicator = IndicatorFactory()
    point = points(2026)[0]
    client.force_login(chief_b)
    response = client.post(
        reverse("indicators:result_create", args=[indicator.pk]),
        {"point": point.pk, "unit": tree.a1.pk, "gender": "T", "value": "50", "source": "manual"},
    )
    assert "unit" in response.context["form"].errors
    api = client.post(
        "/api/v1/indicator-results/",
        {"indicator": indicator.pk, "point": point.pk, "unit": tree.a1.pk, "gender": "T", "value": "50"},
        content_type="application/json",
    )
    assert api.status_code == 400
    assert not Result.objects.exists()


def test_the_indicator_page_draws_limits_and_shows_rikets_value_from_the_stored_kolada_values(client, tree, chief_a):
    indicator = IndicatorFactory(kolada_kpi="N00001")
    all_points = points(2024, 2025)
    for point, (num, den) in zip(all_points, [(40, 80), (45, 90), (50, 100), (38, 80), (44, 90), (9, 26)], strict=True):
        Result.objects.create(indicator=indicator, point=point, unit=tree.a, numerator=num, denominator=den)
    riket = KoladaMunicipality.objects.create(id="0000", title="Riket", kind="L")
    KoladaValue.objects.create(kpi="N00001", municipality=riket, year=2025, gender="T", value=Decimal("47.5"))
    client.force_login(chief_a)
    page = client.get(indicator.get_absolute_url(), {"unit": tree.a.pk})
    trend = page.context["trend"]
    assert trend.limits.kind == "p"
    assert trend.national[-1] == Decimal("47.5") and trend.national[:-1] == [None] * 5
    assert not trend.findings  # 9 of 26 lies within its own wide limits
    html = page.content.decode()
    assert "data:image/svg+xml;base64," in html
    assert "47,5" in html  # Swedish number format in the data table


def test_the_indicator_pages_are_open_to_every_role_including_the_committee(client, tree):
    indicator = IndicatorFactory()
    client.force_login(person_with_role(Role.NAMNDLEDAMOT, tree.root))
    assert client.get(reverse("indicators:list")).status_code == 200
    assert client.get(indicator.get_absolute_url()).status_code == 200
    assert client.get(reverse("indicators:create")).status_code == 403
