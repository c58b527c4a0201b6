"""The document block of the risk register: active risks per area with their åtgärder."""

from __future__ import annotations

from collections import Counter

from django.db.models import Prefetch

from actions.models import Action
from core.document import Context, Section, Table, link

from .models import Risk


def risk_tables(ctx: Context, level: int = 2) -> Section:
    """Per area: Risk | Kommentar | Uppföljning av åtgärd (seed 002)."""
    source = ctx.source(
        "risker",
        "Riskhantering",
        "Riskregistret (aktiva risker) och deras åtgärder",
        "Risknivå = sannolikhet × konsekvens",
        link("risks:list"),
    )
    section = ctx.narrative("riskhantering", "Riskhantering", level)
    if ctx.aggregates_only:
        levels = Counter(ctx.aggregate(Risk).filter(is_active=True).values_list("area", flat=True))
        section.blocks.append(
            Table(
                "Aktiva risker per område",
                ["Område", "Antal risker"],
                [[area, ctx.count(n)] for area, n in sorted(levels.items())],
                source,
                [1],
            )
        )
        return section
    risks = (
        ctx.records(Risk)
        .filter(is_active=True)
        .order_by("area", "-level", "title")
        .prefetch_related(Prefetch("actions", ctx.records(Action)))
    )
    by_area: dict[str, list[list[str]]] = {}
    for risk in risks:
        follow_up = "; ".join(
            f"{a.title}: {a.get_status_display().lower()}" + (f" – {a.follow_up}" if a.follow_up else "")
            for a in risk.actions.all()
        )
        by_area.setdefault(risk.area, []).append(
            [f"{risk.title} (risknivå {risk.level})", risk.comment or "–", follow_up or "–"]
        )
    for area, rows in by_area.items():
        section.blocks.append(Table(area, ["Risk", "Kommentar", "Uppföljning av åtgärd"], rows, source))
    return section
