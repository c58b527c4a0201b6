"""A client for Kolada's v3 API (api.kolada.se/v3, RKA): KPIs, municipalities and values, stored locally.

Every list answer has the shape ``{"count": n, "values": [...], "next_url": "…"}``; a long answer is
paged and ``next_url`` names the next page until it is absent. Values come per KPI, municipality and
year, each with one row per gender (T total, K women, M men). What is fetched is kept in
``KoladaValue`` so the comparison with Riket (0000) and chosen municipalities works offline.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction

from .models import Indicator, KoladaMunicipality, KoladaValue

RIKET = "0000"
MAX_IDS_PER_CALL = 20  # Kolada refuses long id lists in one path segment
Fetch = Callable[[str], dict[str, Any]]


class KoladaError(Exception):
    """Kolada could not be reached or answered with something other than the expected JSON."""


def get_json(url: str) -> dict[str, Any]:
    """GET one URL and parse the JSON answer (the only network call in the client)."""
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "Kvalitetsnav"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)
    except (OSError, ValueError) as error:
        raise KoladaError(f"{url}: {error}") from error


def pages(url: str, fetch: Fetch | None = None) -> Iterator[dict[str, Any]]:
    """The rows of every page of a list answer, following ``next_url``."""
    fetch = fetch or get_json
    seen: set[str] = set()
    while url and url not in seen:
        seen.add(url)
        answer = fetch(url)
        yield from answer.get("values", [])
        url = answer.get("next_url") or ""


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), MAX_IDS_PER_CALL):
        yield ids[start : start + MAX_IDS_PER_CALL]


def fetch_municipalities(ids: Iterable[str], fetch: Fetch | None = None) -> int:
    """Store the names of the given municipalities (Riket included)."""
    count = 0
    for chunk in _chunks(sorted(set(ids))):
        for row in pages(f"{settings.KOLADA_URL}/municipality/{','.join(chunk)}", fetch):
            KoladaMunicipality.objects.update_or_create(
                id=row["id"], defaults={"title": row.get("title", row["id"]), "kind": row.get("type", "")}
            )
            count += 1
    return count


def fetch_values(kpi: str, municipalities: Iterable[str], years: Iterable[int], fetch: Fetch | None = None) -> int:
    """Fetch and store one KPI's values for the municipalities and years; returns the number of values stored.

    All pages are read before anything is written, and then written in one transaction: a broken
    connection halfway leaves the earlier values as they were.
    """
    ids = sorted(set(municipalities))
    year_part = ",".join(str(y) for y in sorted(set(years)))
    rows = [
        row
        for chunk in _chunks(ids)
        for row in pages(f"{settings.KOLADA_URL}/data/kpi/{kpi}/municipality/{','.join(chunk)}/year/{year_part}", fetch)
    ]
    known = set(KoladaMunicipality.objects.filter(id__in=ids).values_list("id", flat=True))
    missing = {row["municipality"] for row in rows} - known
    if missing:
        fetch_municipalities(missing, fetch)
    stored = 0
    with transaction.atomic():
        for row in rows:
            for value in row.get("values", []):
                number = value.get("value")
                KoladaValue.objects.update_or_create(
                    kpi=row.get("kpi", kpi),
                    municipality_id=row["municipality"],
                    year=int(row["period"]),
                    gender=value.get("gender", "T"),
                    defaults={
                        "value": None if number is None else Decimal(str(number)),
                        "status": value.get("status") or "",
                    },
                )
                stored += 1
    return stored


def comparison_municipalities() -> list[str]:
    """Riket, the municipality itself and the chosen comparison municipalities."""
    return sorted({RIKET, settings.KOLADA_MUNICIPALITY, *settings.KOLADA_COMPARISON})


def sync(years: Iterable[int], fetch: Fetch | None = None) -> dict[str, int]:
    """Fetch every active indicator's Kolada KPI for the comparison municipalities; {kpi: values stored}."""
    kpis = sorted(
        set(Indicator.objects.filter(is_active=True).exclude(kolada_kpi="").values_list("kolada_kpi", flat=True))
    )
    municipalities = comparison_municipalities()
    return {kpi: fetch_values(kpi, municipalities, years, fetch) for kpi in kpis}


def national_values(kpi: str, gender: str = "T") -> dict[int, Decimal]:
    """Riket's stored values of a KPI by year."""
    rows = KoladaValue.objects.filter(kpi=kpi, municipality_id=RIKET, gender=gender, value__isnull=False)
    return dict(rows.values_list("year", "value"))


def comparison_table(kpi: str, gender: str = "T") -> tuple[list[int], list[tuple[str, list[Decimal | None]]]]:
    """The stored values of a KPI for the comparison municipalities: (years, [(name, value per year)])."""
    rows = KoladaValue.objects.filter(
        kpi=kpi, gender=gender, municipality_id__in=comparison_municipalities()
    ).select_related("municipality")
    years = sorted({r.year for r in rows})
    by_place: dict[str, dict[int, Decimal | None]] = {}
    for row in rows:
        by_place.setdefault(str(row.municipality), {})[row.year] = row.value
    return years, [(name, [values.get(y) for y in years]) for name, values in sorted(by_place.items())]
