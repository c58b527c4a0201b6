"""The document block of åtgärder: counted as they stood at the period's end."""

from __future__ import annotations

from core import formatting
from core.document import Context, Section, Table, link

from .choices import ActionStatus
from .models import Action, statuses_at


def actions(ctx: Context, level: int = 1) -> Section:
    source = ctx.source("atgarder", "Åtgärder", "Åtgärder i förbättringsarbetet", url=link("actions:list"))
    section = ctx.narrative("atgarder", "Åtgärder och konsekvenser", level)
    found = ctx.aggregate(Action)
    # As things stood at the period's end, not as they stand today: a document for T1 written in September
    # must not count an åtgärd finished in June as finished by April.
    # (No list of ids goes back into SQL: a city has tens of thousands of åtgärder.)
    status = statuses_at(found, ctx.period.end)
    open_ids = {pk for pk, s in status.items() if s != ActionStatus.DONE}
    overdue = found.filter(due_on__lt=ctx.period.end).values_list("pk", flat=True)
    late = sum(1 for pk in overdue if pk in open_ids)
    done = found.filter(completed_on__range=(ctx.period.start, ctx.period.end)).count()
    section.blocks.append(
        Table(
            "Åtgärder",
            ["", f"Antal per {formatting.iso_date(ctx.period.end)}"],
            [
                ["Pågående eller ej påbörjade", ctx.count(len(open_ids))],
                ["varav försenade vid periodens slut", ctx.count(late)],
                ["Avslutade under perioden", ctx.count(done)],
            ],
            source,
            [1],
        )
    )
    return section
