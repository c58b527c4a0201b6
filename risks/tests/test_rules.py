import datetime as dt

import pytest
import time_machine

from risks.choices import RiskBand
from risks.rules import needs_review, review_due, risk_band, risk_level


def test_the_risk_level_is_probability_times_consequence():
    assert risk_level(3, 3) == 9
    assert risk_level(4, 4) == 16
    assert risk_level(1, 1) == 1
    with pytest.raises(ValueError):
        risk_level(5, 1)
    with pytest.raises(ValueError):
        risk_level(0, 2)


@pytest.mark.parametrize(
    ("level", "band"),
    [
        (1, RiskBand.LOW),
        (3, RiskBand.LOW),
        (4, RiskBand.MEDIUM),
        (6, RiskBand.MEDIUM),
        (8, RiskBand.HIGH),
        (9, RiskBand.HIGH),
        (12, RiskBand.VERY_HIGH),
        (16, RiskBand.VERY_HIGH),
    ],
)
def test_the_bands_of_the_default_scale(level, band):
    assert risk_band(level) == band


@time_machine.travel(dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC), tick=False)
def test_a_risk_needs_review_when_the_interval_has_passed():
    from django.utils import timezone

    today = timezone.localdate()
    assert review_due(dt.date(2025, 11, 23), 12) == dt.date(2026, 11, 23)
    assert not needs_review(dt.date(2025, 11, 23), 12, today)  # due today, not yet passed
    assert needs_review(dt.date(2025, 11, 22), 12, today)
    assert not needs_review(dt.date(2026, 6, 1), 6, today)
    assert needs_review(dt.date(2026, 5, 22), 6, today)
    assert needs_review(None, 12, today)
    assert review_due(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
