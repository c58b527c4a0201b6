"""Rules for risks: the risk level, its colour band, and when a risk is due for re-assessment."""

from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings

from .choices import RiskBand


def scale() -> int:
    """The steps of each axis (default 4: sannolikhet 1–4 × konsekvens 1–4), set by RISK_SCALE."""
    return int(getattr(settings, "RISK_SCALE", 4))


def risk_level(probability: int, consequence: int) -> int:
    """Risknivå = sannolikhet × konsekvens (1–16 on the default scale).

    SOSFS 2011:9 5 kap. 1 §: the verksamhet continuously assesses the risk that events could occur
    which may cause deficiencies in quality; Socialstyrelsen's handbook for the föreskrifter
    (2012) describes the risk analysis as probability times consequence, as the seed reports do.
    """
    top = scale()
    if not (1 <= probability <= top and 1 <= consequence <= top):
        raise ValueError(f"probability and consequence must be 1–{top}")
    return probability * consequence


def risk_band(level: int) -> str:
    """The colour band of a level, by its share of the highest possible level.

    On the default 4 × 4 scale: 1–3 låg, 4–6 medel, 8–9 hög, 12–16 mycket hög (the bands of
    the seed reports' risk matrices).
    """
    share = level / (scale() * scale())
    for band, below in BAND_LIMITS:
        if share < below:
            return band
    return RiskBand.VERY_HIGH


# Each band and the share of the highest level it stays below (risk_band).
BAND_LIMITS = ((RiskBand.LOW, 0.25), (RiskBand.MEDIUM, 0.45), (RiskBand.HIGH, 0.7))


def lowest_level(band: str) -> int:
    """The lowest risk level in ``band`` or above: 8 for hög on the default 4 × 4 scale (risk_band)."""
    top = scale() * scale()
    return next(level for level in range(1, top + 1) if _rank(risk_band(level)) >= _rank(band))


def _rank(band: str) -> int:
    return [b for b, _ in BAND_LIMITS].index(band) if band != RiskBand.VERY_HIGH else len(BAND_LIMITS)


def review_due(last_assessed_on: dt.date | None, months: int) -> dt.date | None:
    """When a risk must be assessed again: ``months`` after the latest assessment (None: never assessed)."""
    if last_assessed_on is None:
        return None
    index = last_assessed_on.month - 1 + months
    year, month = last_assessed_on.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(last_assessed_on.day, calendar.monthrange(year, month)[1]))


def needs_review(last_assessed_on: dt.date | None, months: int, today: dt.date) -> bool:
    """A risk needs review when it has never been assessed, or its review date has passed.

    SOSFS 2011:9 5 kap. 1 §: risk assessment is continuous; the nämnd sets the interval (default
    RISK_REVIEW_MONTHS = 12, a yearly risk analysis as in the seeds' årshjul).
    """
    due = review_due(last_assessed_on, months)
    return due is None or due < today
