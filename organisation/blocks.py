"""The document block of the organisation: the målgrupper the verksamhet serves."""

from __future__ import annotations

from core.document import Context, Section, Table

from .models import TargetGroup


def target_groups(ctx: Context, level: int) -> Section:
    section = ctx.narrative("malgrupper", "Målgrupper", level)
    groups = list(TargetGroup.objects.filter(is_active=True).order_by("name"))
    if groups:
        section.blocks.append(
            Table("Målgrupper", ["Målgrupp", "Beskrivning"], [[g.name, g.description or "–"] for g in groups], "")
        )
    return section
