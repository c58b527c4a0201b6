"""The document block of quality indicators: each with its table of results, targets and a trend chart."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q, QuerySet
from django.urls import reverse

from casedata.rules import RULES as CASE_RULES
from core import formatting
from core.charts import ChartData, Series
from core.document import Context, Figure, Paragraph, Section, Table, link

from .choices import Gender, Measure
from .models import Indicator, Result, Target

# The standard indicators of the catalogue: what is counted and what counts as kept.
INDICATOR_PHRASES = {
    "IFO_BOU_UTR_4MAN": ("barnavårdsutredningar", "avslutats inom lagstadgad tid"),
    "IFO_BOU_UTR_90D": ("barnavårdsutredningar", "avslutats inom 90 dagar"),
    "IFO_AKT_14D": ("förhandsbedömningar", "gjorts inom 14 dagar"),
    "IFO_VUX_UTR_60D": ("vuxenutredningar", "avslutats inom 60 dagar"),
    "IFO_VERKST_14D": ("beslut", "verkställts inom 14 dagar"),
}


def share_sentence(code: str, name: str, numerator: int, denominator: int) -> str:
    """“Totalt har 982 av 1 384 barnavårdsutredningar avslutats inom lagstadgad tid, vilket är 71 %.”"""
    pct = formatting.percent(Decimal(numerator) * 100 / denominator) if denominator else "–"
    counts = f"{formatting.number(numerator)} av {formatting.number(denominator)}"
    if code in INDICATOR_PHRASES:
        things, kept = INDICATOR_PHRASES[code]
        return f"Totalt har {counts} {things} {kept}, vilket är {pct}."
    return f"{name}: {counts}, vilket är {pct}."


def _share(value: Decimal | None, numerator: int | None, denominator: int | None, ctx: Context, percent: bool) -> str:
    if value is None:
        return "–"
    shown = formatting.percent(value) if percent else formatting.number(value, 0 if value == int(value) else 1)
    if numerator is not None and denominator:
        return f"{shown} ({ctx.count(numerator)} av {ctx.count(denominator)})"
    return shown


def reported_indicators(year: int) -> QuerySet[Indicator]:
    """The indicators that belong in the nämnd's documents of ``year``: those marked for them, and every one
    that follows a goal of the year's verksamhetsplan."""
    return Indicator.objects.filter(Q(in_reports=True) | Q(goals__year=year)).values("pk")


def indicator_tables(ctx: Context, level: int = 2, everything: bool = False) -> Section:
    """Seed 002's tables, Period | Utfall | Etappmål | Målvärde, with each share's numerator and denominator,
    and a trend chart, for each indicator with results for the unit that belongs in the document
    (:func:`reported_indicators`; all of them with ``everything``), saying how many others have results."""
    section = ctx.narrative("kvalitetsindikatorer", "Kvalitetsindikatorer", level)
    years = [ctx.period.year - 2, ctx.period.year - 1, ctx.period.year]
    found = ctx.aggregate(Result).filter(
        unit__path__in=ctx.tops(),  # the subtree's own results, as far as the reader may count them
        gender=Gender.TOTAL,
        point__period__year__in=years,
        point__ends_on__lte=ctx.period.end,
    )
    chosen = reported_indicators(ctx.period.year)
    left_out = 0 if everything else found.exclude(indicator__in=chosen).values("indicator").distinct().count()
    results = (
        (found if everything else found.filter(indicator__in=chosen))
        .select_related("indicator", "point__period", "unit")
        .order_by("indicator__code", "unit__path", "point__ends_on", "point__order")
    )
    by_indicator: dict[tuple[int, int], list[Result]] = {}
    for result in results:
        by_indicator.setdefault((result.indicator_id, result.unit_id), []).append(result)
    several = len({unit for _indicator, unit in by_indicator}) > 1
    targets = {(t.indicator_id, t.year): t.value for t in Target.objects.filter(year__in=years, unit__isnull=True)}
    case_codes = {rule.code: rule for rule in CASE_RULES}
    suggestions = []
    for rows in by_indicator.values():
        indicator: Indicator = rows[0].indicator
        # Where the reader counts several parts of the subtree, each part's results come apart, named.
        name = f"{indicator.name}, {rows[0].unit.name}" if several else indicator.name
        last_point = {}
        for r in rows:
            last_point[r.point.period.year] = r
        # Earlier years at their last point; this year at every point up to the report's end.
        shown = [last_point[y] for y in years[:-1] if y in last_point] + [
            r for r in rows if r.point.period.year == ctx.period.year
        ]
        percent = indicator.measure == Measure.PERCENT
        rule = case_codes.get(indicator.code)
        source = ctx.source(
            f"indikator_{indicator.code}",
            indicator.name,
            "Ärendedata (beräknat)" if rule else indicator.get_source_display(),
            rule.source if rule else indicator.description[:300],
            indicator.get_absolute_url(),
        )
        table = Table(
            name,
            ["Period", "Utfall", "Etappmål", "Målvärde"],
            [
                [
                    f"{r.point.code} {r.point.period.year}",
                    _share(r.value, r.numerator, r.denominator, ctx, percent),
                    _share(targets.get((indicator.pk, r.point.period.year)), None, None, ctx, percent),
                    (_share(indicator.target_value, None, None, ctx, percent) + f" ({indicator.target_year})")
                    if indicator.target_value is not None
                    else "–",
                ]
                for r in shown
            ],
            source,
            numeric=[1, 2, 3],
        )
        table.links = {
            f"{i},1": reverse("casedata:cases_behind", args=[r.pk]) if rule else indicator.get_absolute_url()
            for i, r in enumerate(shown)
        }
        section.blocks.append(table)
        values = [float(r.value) if r.value is not None else None for r in shown]
        chart_series = [
            {"name": "Utfall", "values": values},
        ]
        target_values = [targets.get((indicator.pk, r.point.period.year)) for r in shown]
        if any(t is not None for t in target_values):
            chart_series.append(
                {
                    "name": "Etappmål",
                    "values": [None if t is None else float(t) for t in target_values],
                    "style": "target",
                }
            )
        section.blocks.append(
            Figure(
                ChartData(
                    name,
                    [row[0] for row in table.rows],
                    [Series(**s) for s in chart_series],
                    "Procent" if percent else indicator.get_measure_display(),
                ),
                "line",
                source,
            )
        )
        latest = shown[-1] if shown else None
        if latest is not None and latest.comment and not ctx.aggregates_only:
            section.blocks.append(Paragraph(f"Kommentar: {latest.comment}"))
        if latest is not None and latest.denominator and latest.point.period.year == ctx.period.year:
            suggestions.append(share_sentence(indicator.code, indicator.name, latest.numerator, latest.denominator))
    if left_out:
        section.blocks.append(
            Paragraph(
                f"Ytterligare {formatting.number(left_out)} {'indikator' if left_out == 1 else 'indikatorer'} har "
                "resultat för perioden men följs inom verksamheten och redovisas inte här (varken markerade för "
                "nämndens dokument eller kopplade till årets mål); de finns i indikatorregistret."
            )
        )
    ctx.suggest(section, suggestions)
    return section


def indicators_to_follow(ctx: Context, level: int = 1) -> Section:
    """Seed 003's "Kvalitetsindikatorer": the indicators the verksamhet follows during the year, a table for each
    unit that owns some (the seed's verksamheter), whether or not results are in yet; those that belong in the
    nämnd's documents (:func:`reported_indicators`)."""
    section = ctx.narrative("indikatorer_att_folja", "Indikatorer att följa", level)
    source = ctx.source(
        "indikatorer_att_folja",
        "Indikatorer att följa",
        "Indikatorregistret: aktiva indikatorer i nämndens dokument eller kopplade till årets mål",
        "",
        link("indicators:list"),
    )
    # The register is open to every role (Indicator.access); one without a unit is the whole nämnd's.
    within = Q(unit__path__startswith=ctx.unit.path)
    if ctx.unit.parent_id is None:
        within |= Q(unit__isnull=True)
    indicators = (
        Indicator.objects.visible_to(ctx.user)
        .filter(within, is_active=True, pk__in=reported_indicators(ctx.period.year))
        .select_related("unit")
        .order_by("unit__path", "name")
    )
    by_unit: dict[str, list[list[str]]] = {}
    for indicator in indicators:
        by_unit.setdefault(indicator.unit.name if indicator.unit else ctx.unit.name, []).append([indicator.name])
    for unit, rows in by_unit.items():
        section.blocks.append(Table(unit, ["Kvalitetsindikator"], rows, source))
    return section
