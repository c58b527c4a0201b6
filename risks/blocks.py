"""The document block of the risk register: active risks per area with their åtgärder."""

from __future__ import annotations

from collections import Counter

from django.db.models import Prefetch

from actions.models import Action
from core import formatting
from core.document import Context, Paragraph, Section, Table, link

from . import rules
from .choices import RiskBand
from .models import Risk


def risk_tables(ctx: Context, level: int = 2, everything: bool = False) -> Section:
    """Per area: Risk | Kommentar | Uppföljning av åtgärd (seed 002), for the risks of level hög and above (every
    active risk with ``everything``), saying how many lower ones the register holds besides."""
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
    active = ctx.records(Risk).filter(is_active=True)
    minimum = 0 if everything else rules.lowest_level(RiskBand.HIGH)
    lower = active.filter(level__lt=minimum).count() if minimum else 0
    risks = (
        active.filter(level__gte=minimum)
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
    if lower:
        section.blocks.append(
            Paragraph(
                f"Risker med risknivå {minimum} (hög) och högre visas. Ytterligare {formatting.number(lower)} "
                f"{'aktiv risk' if lower == 1 else 'aktiva risker'} med lägre risknivå finns i riskregistret."
            )
        )
    return section
