"""The document blocks of avvikelser and lex Sarah: their tables, figures and data sentences, as plain
content (core.document) for the documents the nämnd receives."""

from __future__ import annotations

from django.db.models import Count

from core import formatting
from core.document import Context, Figure, Paragraph, Section, Table, link
from core.filters import within_days

from . import statistics as deviation_statistics
from .choices import DeviationKind
from .models import Deviation


def lex_sarah_sentence(reported: int, serious: int, to_ivo: int) -> str:
    """“Av 11 rapporterade lex Sarah-händelser har två bedömts som allvarliga och anmälts till IVO.”"""
    if reported == 0:
        return "Inga lex Sarah-händelser har rapporterats under perioden."
    head = f"Av {formatting.count_words(reported)} rapporterade lex Sarah-händelser har"
    if reported == 1:
        head = "En lex Sarah-händelse har rapporterats, och den har"
        if serious == 0:
            return "En lex Sarah-händelse har rapporterats; den har inte bedömts som allvarlig."
        return head + (" bedömts som allvarlig och anmälts till IVO." if to_ivo else " bedömts som allvarlig.")
    if serious == 0:
        return f"{head} ingen bedömts som allvarlig."
    if serious == to_ivo:
        verb = "bedömts som allvarlig och anmälts" if serious == 1 else "bedömts som allvarliga och anmälts"
        return f"{head} {formatting.count_words(serious)} {verb} till IVO."
    return (
        f"{head} {formatting.count_words(serious)} bedömts som allvarliga, "
        f"varav {formatting.count_words(to_ivo)} har anmälts till IVO."
    )


def deviations_sentence(total: int, lex_sarah: int) -> str:
    """“Av de 178 övriga händelser som rapporterats …” → here: the count of other reported events."""
    others = total - lex_sarah
    if others <= 0:
        return "Inga andra avvikelser har rapporterats under perioden."
    return f"Utöver lex Sarah har {formatting.count_words(others)} avvikelser rapporterats under perioden."


def other_events_sentence(count: int) -> str:
    """“Därutöver har 178 övriga händelser rapporterats.”"""
    if count == 0:
        return "Inga övriga händelser har rapporterats under perioden."
    if count == 1:
        return "Därutöver har en övrig händelse rapporterats."
    return f"Därutöver har {formatting.count_words(count)} övriga händelser rapporterats."


def deviation_figures(ctx: Context):
    return deviation_statistics.compute(ctx.aggregate(Deviation), ctx.period.start, ctx.period.end, with_charts=False)


def deviations(ctx: Context, level: int = 2) -> list[Section]:
    figures = deviation_figures(ctx)
    url = link("deviations:statistics", unit=ctx.unit.pk, start=ctx.period.start, end=ctx.period.end)
    source = ctx.source("avvikelser", "Avvikelser", "Avvikelser rapporterade under perioden", url=url)
    section = ctx.narrative(
        "avvikelser",
        "Avvikelser",
        level,
        [deviations_sentence(figures.total, figures.lex_sarah.reported)],
    )
    by_kind = Table(
        "Avvikelser per slag",
        ["Slag", "Antal"],
        [[kind, ctx.count(n)] for kind, n in figures.by_kind] + [["Totalt", ctx.count(figures.total)]],
        source,
        numeric=[1],
        total_rows=[len(figures.by_kind)],
    )
    period = {"unit": ctx.unit.pk, "reported_from": ctx.period.start, "reported_to": ctx.period.end}
    by_kind.links = {
        f"{i},1": link("deviations:list", kind=value, **period) for i, value in enumerate(DeviationKind.values)
    }
    by_kind.links[f"{len(figures.by_kind)},1"] = link("deviations:list", **period)
    section.blocks.append(by_kind)
    causes = [(c, n) for c, n in figures.by_root_cause if n]
    if causes:
        section.blocks.append(
            Figure(deviation_statistics._chart("Avvikelser per orsak", causes, horizontal=True).data, "bar", source)
        )
        section.blocks.append(
            Table("Avvikelser per orsak", ["Orsak", "Antal"], [[c, ctx.count(n)] for c, n in causes], source, [1])
        )
    private = (
        ctx.aggregate(Deviation)
        .filter(within_days("reported_at", ctx.period.start, ctx.period.end))
        .exclude(private_provider="")
        .values_list("private_provider")
        .annotate(n=Count("id"))
        .order_by("private_provider")
    )
    private_section = ctx.narrative("avvikelser_privata", "Avvikelser från privata utförare", level + 1)
    if private:
        private_section.blocks.append(
            Table(
                "Avvikelser från privata utförare",
                ["Utförare", "Antal"],
                [[name, ctx.count(n)] for name, n in private],
                source,
                [1],
            )
        )
    elif not private_section.blocks:
        private_section.blocks.append(Paragraph("Inga avvikelser från privata utförare har rapporterats."))
    return [section, lex_sarah(ctx, figures, level + 1), private_section]


def lex_sarah(ctx: Context, figures=None, level: int = 2, *, other_events: bool = False) -> Section:
    """The lex Sarah outcomes; with ``other_events`` (the tertialrapport, which has no avvikelse section) also the
    count of övriga händelser reported beside them (seed 004: "Av de 178 övriga händelser …")."""
    figures = figures or deviation_figures(ctx)
    lex = figures.lex_sarah
    source = ctx.source(
        "lex_sarah",
        "Lex Sarah",
        "Lex Sarah-rapporter under perioden",
        "SoL (2025:400) 27 kap. och LSS 24 a–24 g §§: rapport, utredning, anmälan av allvarligt missförhållande "
        "till IVO",
        link("deviations:list", kind="lex_sarah"),
    )
    others = figures.total - lex.reported
    found = [lex_sarah_sentence(lex.reported, lex.serious, lex.reported_to_ivo)]
    if other_events:
        found.append(other_events_sentence(others))
    section = ctx.narrative("lex_sarah", "Lex Sarah", level, found)
    # Every outcome, so the four rows under "Rapporterade" sum to it (seed 002: missförhållande, risk, inget);
    # allvarliga and anmälda are parts of the first two and are shown as "varav".
    table = Table(
        "Lex Sarah",
        ["", "Antal"],
        [
            ["Rapporterade", ctx.count(lex.reported)],
            ["Bedömda som missförhållande", ctx.count(lex.missforhallande)],
            ["Bedömda som påtaglig risk för missförhållande", ctx.count(lex.risk)],
            ["Bedömda som inget missförhållande", ctx.count(lex.none)],
            ["Ännu inte bedömda", ctx.count(lex.not_assessed)],
            ["varav bedömda som allvarliga", ctx.count(lex.serious)],
            ["varav anmälda till IVO", ctx.count(lex.reported_to_ivo)],
        ],
        source,
        [1],
        total_rows=[0],
    )
    period = {
        "kind": "lex_sarah",
        "unit": ctx.unit.pk,
        "reported_from": ctx.period.start,
        "reported_to": ctx.period.end,
    }
    table.links = {
        "0,1": link("deviations:list", **period),
        "1,1": link("deviations:list", assessment="missforhallande", **period),
        "2,1": link("deviations:list", assessment="risk", **period),
        "3,1": link("deviations:list", assessment="none", **period),
        "5,1": link("deviations:list", is_serious="true", **period),
    }
    section.blocks.append(table)
    if other_events:
        events = Table(
            "Rapporterade händelser",
            ["", "Antal"],
            [
                ["Lex Sarah", ctx.count(lex.reported)],
                ["Övriga händelser", ctx.count(others)],
                ["Totalt", ctx.count(figures.total)],
            ],
            ctx.source("avvikelser", "Avvikelser", "Avvikelser rapporterade under perioden"),
            [1],
            total_rows=[2],
        )
        events.links = {"2,1": link("deviations:list", unit=ctx.unit.pk, reported_from=ctx.period.start,
                                       reported_to=ctx.period.end)}  # fmt: skip
        section.blocks.append(events)
    return section
