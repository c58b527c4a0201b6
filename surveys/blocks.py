"""The document block of brukarundersökningar: each survey's questions beside Riket."""

from __future__ import annotations

from core import formatting
from core.document import Context, Section, Table, link

from .models import Survey


def surveys(ctx: Context, level: int = 2) -> Section:
    source = ctx.source(
        "brukarundersokningar", "Brukarundersökningar", "Importerade brukarundersökningar", url=link("surveys:list")
    )
    section = ctx.narrative("brukarundersokningar", "Brukarundersökningar", level)
    found = ctx.aggregate(Survey).filter(year__in=[ctx.period.year, ctx.period.year - 1]).select_related("unit")
    for survey in found.order_by("-year", "name", "unit__name").prefetch_related("questions"):
        rate = survey.response_rate
        rows = [
            [q.text, formatting.percent(q.positive_share), formatting.percent(q.national_share)]
            for q in survey.questions.all()
        ]
        caption = (
            f"{survey.name}, {survey.unit.name} (svarsfrekvens {formatting.percent(rate)}, "
            f"{ctx.count(survey.answered)} av {ctx.count(survey.distributed)})"
        )
        section.blocks.append(Table(caption, ["Fråga", "Andel positiva", "Riket"], rows, source, [1, 2]))
    return section
