"""Seed 004's personal tables for Exempelkommun: personalsammansättning (people and årsarbetare by gender) and
sjukfrånvaro by gender, for the year of the latest second tertial, imported through the real importer."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from organisation.models import FollowUpPoint

from .importer import import_staff

# Seed 004, personalsammansättning and sjukfrånvaro jan–jul 2022.
SEED = """enhet;ar;period;matt;kon;varde
{u};{year};augusti;personer;K;773
{u};{year};augusti;personer;M;259
{u};{year};augusti;personer;T;1 032
{u};{year};augusti;arsarbetare;K;768,7
{u};{year};augusti;arsarbetare;M;258,2
{u};{year};augusti;arsarbetare;T;1 026,8
{u};{year};jan–jul;sjukfranvaro;K;8,26%
{u};{year};jan–jul;sjukfranvaro;M;5,58%
{u};{year};jan–jul;sjukfranvaro;T;7,54%
"""


def create(today: dt.date) -> None:
    point = FollowUpPoint.objects.filter(code="T2", ends_on__lt=today).order_by("-ends_on").first()
    if point is None:
        return
    planner = get_user_model().objects.get(username="kvalitet")
    import_staff(SEED.format(u="SF", year=point.period.year).encode(), "personal.csv", by=planner)
