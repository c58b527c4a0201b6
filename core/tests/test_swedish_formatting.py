"""Numbers and dates are written the Swedish way everywhere: 1 003 735; 7,5 %; −12,7 mnkr; 15 september 2022."""

import datetime as dt
from decimal import Decimal

from core import formatting as f


def test_thousands_are_grouped_with_a_no_break_space():
    assert f.number(1003735) == "1\u00a0003\u00a0735"
    assert f.plain(f.number(1003735)) == "1 003 735"
    assert f.number(999) == "999"
    assert f.number(0) == "0"


def test_a_negative_number_takes_the_minus_sign():
    assert f.number(-12700) == "\u221212\u00a0700"
    assert f.plain(f.tkr(-25525)) == "-25 525"


def test_decimals_follow_a_comma_and_round_half_up():
    assert f.number(Decimal("7.54"), 1) == "7,5"
    assert f.number(0.25, 1) == "0,3"  # half up, not to even
    assert f.number(70.95, 0) == "71"


def test_percentages_and_shares():
    assert f.plain(f.percent(Decimal("7.54"), 1)) == "7,5 %"
    assert f.plain(f.share(982, 1384)) == "982 av 1 384 (71 %)"
    assert f.plain(f.share(0, 0)) == "0 av 0"


def test_thousands_of_kronor_as_millions():
    assert f.plain(f.mnkr(-12700)) == "-12,7 mnkr"
    assert f.mnkr(-12700).startswith("\u2212")
    assert f.plain(f.mnkr(16575, signed=True)) == "+16,6 mnkr"
    assert f.plain(f.mnkr(0, signed=True)) == "0,0 mnkr"


def test_dates_are_written_out_in_text_and_iso_in_tables():
    assert f.long_date(dt.date(2022, 9, 15)) == "15 september 2022"
    assert f.iso_date(dt.date(2022, 9, 15)) == "2022-09-15"


def test_small_counts_are_words_in_running_text():
    assert f.count_words(2) == "två"
    assert f.count_words(1, neuter=True) == "ett"
    assert f.plain(f.count_words(178)) == "178"
    assert f.plain(f.count_words(1384)) == "1 384"


def test_nothing_is_a_dash():
    assert f.number(None) == f.percent(None) == f.mnkr(None) == f.long_date(None) == "–"


def test_a_year_or_a_records_number_in_a_page_or_its_links_is_never_grouped(client, tree, admin):
    from goals.tests.factories import GoalFactory

    GoalFactory(unit=tree.root, year=2026, title="Trygg vård")
    client.force_login(admin)
    page = client.get("/mal/", {"year": 2026}).content.decode()
    assert "Verksamhetsplan 2026" in page and "?year=2026" in page
    assert "2\u00a0026" not in page and "2 026" not in page


def test_a_quantity_on_a_page_is_grouped_by_the_cell_filter():
    from django.template import Context, Template

    assert Template("{% load kn %}{{ n|cell }}").render(Context({"n": 200000})) == "200\u00a0000"


def test_an_indicators_value_is_written_in_its_unit_of_measure():
    assert f.plain(f.measured(Decimal("91.20"), "percent")) == "91,2 %"
    assert f.plain(f.measured(Decimal("1384.00"), "count")) == "1 384"
    assert f.plain(f.measured(Decimal("12.25"), "days")) == "12,3"
    assert f.measured(None, "percent") == "–"


def test_an_indicators_page_shows_a_share_with_one_decimal_and_a_per_cent_sign(client, tree, admin):
    from indicators.models import Result
    from indicators.tests.factories import IndicatorFactory
    from organisation.tests.factories import PeriodFactory

    indicator = IndicatorFactory(target_value=Decimal("95.00"), target_year=2030)
    period = PeriodFactory(year=2026)
    if not period.points.exists():
        period.create_default_points()
    point = period.points.order_by("order").first()
    Result.objects.create(indicator=indicator, point=point, unit=tree.root, value=Decimal("91.20"))
    client.force_login(admin)

    page = client.get(f"/indikatorer/{indicator.pk}/").content.decode()

    assert "91,2\u00a0%" in page and "95,0\u00a0% (2030)" in page
    assert "91,20" not in page and "2\u00a0030" not in page
