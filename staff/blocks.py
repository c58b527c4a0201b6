"""The document blocks of personnel: personalsammansättning and sjukfrånvaro for the unit's subtree."""

from __future__ import annotations

from decimal import Decimal

from core import formatting
from core.choices import IN_DOCUMENTS, Gender
from core.document import Context, Section, Table, link

from . import statistics as staff_statistics
from .models import StaffFigure


def sick_leave_sentence(period: str, total: Decimal, women: Decimal | None, men: Decimal | None) -> str:
    """“Sjukfrånvaron jan–jul var 7,54 % (kvinnor 8,26 %, män 5,58 %).”"""
    parts = []
    if women is not None:
        parts.append(f"kvinnor {formatting.percent(women, 2)}")
    if men is not None:
        parts.append(f"män {formatting.percent(men, 2)}")
    split = f" ({', '.join(parts)})" if parts else ""
    return f"Sjukfrånvaron {period} var {formatting.percent(total, 2)}{split}."


def staff(ctx: Context, level: int = 1) -> list[Section]:
    """Väsentliga personalförhållanden at ``level``, with personalsammansättning and sjukfrånvaro under it."""
    source = ctx.source(
        "personal",
        "Personal",
        "Importerade personaluppgifter",
        "Totalt = kvinnor + män; årsarbetare avrundade per rad",
        link("staff:list"),
    )
    # The unit and everything below it (staff.statistics): the nämnd's document shows the whole förvaltning.
    combined = staff_statistics.combine(
        ctx.aggregate(StaffFigure)
        .filter(year__in=[ctx.period.year - 3, ctx.period.year - 2, ctx.period.year - 1, ctx.period.year])
        .select_related("unit")
        .order_by("year", "period")
    )
    top = ctx.narrative("personal", "Väsentliga personalförhållanden", level)
    for warning in combined.disagreements:
        top.warnings.append(warning)
    people = ctx.narrative("personalsammansattning", "Personalsammansättning", level + 1)
    table: dict[tuple[int, str], dict[str, Decimal]] = {}
    for (year, _period, measure, gender), value in combined.values.items():
        table.setdefault((year, measure), {})[gender] = value
    years = sorted({y for y, m in table if m in ("personer", "arsarbetare")})[-2:]
    if years:
        header = [""]
        for y in years:
            header += [f"{y} Antal personer", f"{y} Antal årsarbetare"]
        rows = []
        for gender, label in IN_DOCUMENTS.items():
            row = [label]
            for y in years:
                row.append(ctx.count(int(table.get((y, "personer"), {}).get(gender, 0))))
                fte = table.get((y, "arsarbetare"), {}).get(gender)
                row.append(formatting.number(fte, 1) if fte is not None else "–")
            rows.append(row)
        people.blocks.append(Table("Personalsammansättning", header, rows, source, list(range(1, len(header))), [2]))
    sick = ctx.narrative("sjukfranvaro", "Sjukfrånvaro", level + 1)
    sick_rows = {(y, p, g): v for (y, p, m, g), v in combined.values.items() if m == "sjukfranvaro"}
    periods = sorted({(y, p) for y, p, _g in sick_rows})
    if periods:
        header = [""] + [f"Sjukfrv %, {p} {y}" for y, p in periods]
        rows = []
        for gender, label in IN_DOCUMENTS.items():
            rows.append([label] + [formatting.percent(sick_rows.get((y, p, gender)), 2) for y, p in periods])
        sick.blocks.append(Table("Sjukfrånvaro", header, rows, source, list(range(1, len(header))), [2]))
        latest = periods[-1]
        by_gender = {g: v for (y, p, g), v in sick_rows.items() if (y, p) == latest}
        if Gender.TOTAL in by_gender:
            sentence = sick_leave_sentence(
                latest[1], by_gender[Gender.TOTAL], by_gender.get(Gender.WOMEN), by_gender.get(Gender.MEN)
            )
            ctx.suggest(sick, [sentence])
    return [top, people, sick]
