"""The document blocks of the economy: prognos, driftredovisning and investeringsredovisning."""

from __future__ import annotations

from decimal import Decimal

from core import formatting
from core.document import Context, Paragraph, Section, Table, link

from .models import FinanceReport


def forecast_sentence(organisation: str, point_label: str, deviation_tkr: Decimal) -> str:
    """“Prognosen för socialnämnden efter augusti visar ett underskott på −12,7 mnkr.”"""
    if deviation_tkr < 0:
        outcome = f"ett underskott på {formatting.mnkr(deviation_tkr)}"
    elif deviation_tkr > 0:
        outcome = f"ett överskott på {formatting.mnkr(deviation_tkr, signed=True)}"
    else:
        outcome = "en budget i balans"
    return f"Prognosen för {organisation} {point_label} visar {outcome}."


def _statement(ctx: Context, breakdown: str, ledger: str) -> FinanceReport | None:
    if ctx.period.point is None:
        return None
    return (
        ctx.aggregate(FinanceReport)
        .filter(point=ctx.period.point, breakdown=breakdown, ledger=ledger, is_current=True)
        .select_related("unit")
        .order_by("unit__path")
        .first()
    )


def _statement_table(ctx: Context, report: FinanceReport, caption: str, source: str) -> Table:
    month = formatting.MONTHS[ctx.period.end.month - 1][:3]
    label = f"{month} {ctx.period.year}"
    lines = list(report.lines.all())
    return Table(
        caption,
        ["", f"Budget {label}", f"Prognos {label}", "Avvikelse"],
        [
            [line.name, formatting.tkr(line.budget), formatting.tkr(line.forecast), formatting.tkr(line.deviation)]
            for line in lines
        ],
        source,
        numeric=[1, 2, 3],
        total_rows=[i for i, line in enumerate(lines) if line.is_total or line.level <= 1],
    )


def forecast(ctx: Context, organisation: str, level: int = 1) -> list[Section]:
    """Prognos at ``level``, with the operating and the investment accounts under it."""
    source = ctx.source(
        "ekonomi",
        "Driftredovisning",
        "Importerad driftredovisning för uppföljningstillfället",
        "Avvikelse = budget − prognos; summor kontrollerade per nivå",
        link("finance:list"),
    )
    by_cost = _statement(ctx, "kostnadsslag", "drift")
    by_activity = _statement(ctx, "verksamhet", "drift")
    investment = _statement(ctx, "verksamhet", "investering") or _statement(ctx, "kostnadsslag", "investering")
    suggestions = []
    total_report = by_cost or by_activity
    if total_report is not None:
        total = [line for line in total_report.lines.all() if line.level == 0]
        if total and total[-1].deviation is not None:
            month = formatting.MONTHS[ctx.period.end.month - 1]
            suggestions.append(forecast_sentence(organisation, f"efter {month}", total[-1].deviation))
    heading = ctx.narrative("prognos", "Prognos", level, suggestions)
    operating = ctx.narrative("driftredovisning", "Driftredovisning", level + 1)
    if by_cost is not None:
        operating.blocks.append(_statement_table(ctx, by_cost, "Driftredovisning, tkr", source))
    if by_activity is not None:
        operating.blocks.append(_statement_table(ctx, by_activity, "Driftredovisning per verksamhet, tkr", source))
    if by_cost is None and by_activity is None:
        operating.blocks.append(Paragraph("Ingen driftredovisning är importerad för uppföljningstillfället."))
    invest = ctx.narrative("investeringsredovisning", "Investeringsredovisning", level + 1)
    if investment is not None:
        invest.blocks.append(_statement_table(ctx, investment, "Investeringsredovisning, tkr", source))
    return [heading, operating, invest]
