"""The document block of synpunkter och klagomål: kinds apart per unit and per category."""

from __future__ import annotations

from core import formatting
from core.document import Context, Section, Table, link

from . import statistics as complaint_statistics
from .choices import ComplaintKind
from .models import Complaint


def complaints_sentence(total: int, complaints: int) -> str:
    if total == 0:
        return "Inga synpunkter eller klagomål har kommit in under perioden."
    return (
        f"Under perioden har {formatting.count_words(total)} synpunkter och klagomål kommit in, "
        f"varav {formatting.count_words(complaints)} klagomål."
    )


def complaints(ctx: Context, level: int = 2) -> Section:
    figures = complaint_statistics.compute(
        ctx.aggregate(Complaint), ctx.period.start, ctx.period.end, with_charts=False
    )
    source = ctx.source(
        "synpunkter",
        "Synpunkter och klagomål",
        "Synpunkter och klagomål mottagna under perioden",
        url=link("complaints:statistics", unit=ctx.unit.pk, start=ctx.period.start, end=ctx.period.end),
    )
    complaint_count = (
        ctx.aggregate(Complaint)
        .filter(kind=ComplaintKind.COMPLAINT, received_on__range=(ctx.period.start, ctx.period.end))
        .count()
    )
    section = ctx.narrative(
        "synpunkter", "Synpunkter och klagomål", level, [complaints_sentence(figures.total, complaint_count)]
    )
    # Kinds apart in both tables: "Bemötande 15" must not be four klagomål and eleven beröm added together.
    totals = ["Totalt", *[ctx.count(n) for n in figures.kind_totals], ctx.count(figures.total)]
    numeric = list(range(1, len(figures.kinds) + 2))
    for caption, first, found in (
        ("Synpunkter och klagomål per enhet", "Enhet", figures.per_unit_by_kind),
        ("Synpunkter och klagomål per kategori", "Kategori", figures.per_category_by_kind),
    ):
        rows = [[r.unit, *[ctx.count(n) for n in r.counts], ctx.count(r.total)] for r in found] + [totals]
        section.blocks.append(
            Table(caption, [first, *figures.kinds, "Totalt"], rows, source, numeric=numeric, total_rows=[len(rows) - 1])
        )
    return section
