"""The document blocks of imported case data: ej verkställda beslut and case statistics."""

from __future__ import annotations

from django.db.models import Count

from core import formatting
from core.document import Context, Paragraph, Section, Table, link

from .compute import not_carried_out_ids
from .models import Case


def not_carried_out_sentence(count: int) -> str:
    if count == 0:
        return "Inga gynnande beslut har varit ej verkställda i mer än tre månader under perioden."
    # Only what the records show: that they were late, and that the law requires them reported (not that they were).
    return (
        f"{formatting.count_words(count, neuter=True).capitalize()} gynnande beslut har inte verkställts inom tre månader "
        "och ska därför rapporteras till IVO."
    )


def not_carried_out_section(ctx: Context, level: int = 2) -> Section:
    """Ej verkställda beslut reported for the periods that ended within the report's period."""
    from casedata.rules import reporting_dates, reporting_window

    cases = ctx.aggregate(Case)
    found = []
    for number in range(1, len(reporting_dates()) + 1):
        window = reporting_window(ctx.period.year, number)
        if window[1] <= ctx.period.end:
            found.append((window, not_carried_out_ids(cases, window)))
    source = ctx.source(
        "ej_verkstallda",
        "Ej verkställda beslut",
        "Importerad ärendedata (beslut och verkställighetsdatum)",
        "SoL (2025:400) 34 kap., LSS 28 f–28 h §§: gynnande beslut som inte verkställts inom tre månader",
        link("casedata:not_carried_out"),
    )
    # A decision that waits on is reported again each period: the total counts each decision once.
    total = len(set().union(*(ids for _w, ids in found))) if found else 0
    section = ctx.narrative("ej_verkstallda", "Ej verkställda beslut", level, [not_carried_out_sentence(total)])
    if found:
        rows = [[f"{formatting.iso_date(w[0])}–{formatting.iso_date(w[1])}", ctx.count(len(ids))] for w, ids in found]
        rows.append(["Olika beslut under året", ctx.count(total)])
        section.blocks.append(
            Table("Ej verkställda beslut per rapporteringsperiod", ["Period", "Antal beslut"], rows, source, [1])
        )
        if len(found) > 1:
            section.blocks.append(
                Paragraph(
                    "Ett beslut som fortfarande inte är verkställt rapporteras i varje period det väntar; raden "
                    "Olika beslut under året räknar varje beslut en gång."
                )
            )
    return section


def case_statistics(ctx: Context, level: int = 2) -> Section:
    source = ctx.source("statistik", "Statistik", "Importerad ärendedata", url=link("casedata:list"))
    section = ctx.narrative("statistik", "Statistik", level)
    counts = (
        ctx.aggregate(Case)
        .filter(started_on__range=(ctx.period.start, ctx.period.end))
        .values_list("kind")
        .annotate(n=Count("id"))
    )
    labels = dict(Case._meta.get_field("kind").choices)
    rows = [[str(labels.get(kind, kind)), ctx.count(n)] for kind, n in sorted(counts)]
    if rows:
        section.blocks.append(Table("Ärenden som inletts under perioden", ["Slag", "Antal"], rows, source, [1]))
    return section
