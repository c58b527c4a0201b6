"""The three documents the nämnd receives, composed in the order of the seeds from the blocks each app supplies
for its own records (``<app>/blocks.py``): kvalitetsberättelse (seed 002), kvalitetsplan (seed 003) and
tertialrapport (seed 004)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils import timezone

from core import formatting
from core.document import Context, ReportPeriod
from organisation.models import Unit

from . import outlines
from .choices import ReportKind
from .content import Report


def build(
    kind: str,
    period: ReportPeriod,
    unit: Unit,
    user: Any,
    *,
    narratives: dict[str, str] | None = None,
    aggregates_only: bool = False,
    rows: list[outlines.Row] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Assemble a document's content from the records the user may count or see, for the period and subtree,
    section by section as its outline says (the municipality's active copy, else the default; or ``rows``);
    ``progress`` is told how many of the outline's rows are done."""
    ctx = Context(
        kind=kind,
        period=period,
        unit=unit,
        user=user,
        threshold=settings.REPORT_SMALL_COUNT,
        aggregates_only=aggregates_only,
        narratives=narratives or {},
    )
    builder = {
        ReportKind.KVALITETSBERATTELSE: kvalitetsberattelse,
        ReportKind.KVALITETSPLAN: kvalitetsplan,
        ReportKind.TERTIALRAPPORT: tertialrapport,
    }[kind]
    title, subtitle, sections, front = builder(ctx, outlines.rows_for(kind) if rows is None else rows, progress)
    signatures, attachments = ([], []) if not front else tjansteskrivelse_lists(ctx, sections)
    return Report(
        kind=kind,
        title=title,
        subtitle=subtitle,
        organisation=settings.MUNICIPALITY_NAME,
        unit=unit.name,
        # A plan is for a year, not for its annual report's follow-up point.
        period=f"Verksamhetsåret {period.year}" if kind == ReportKind.KVALITETSPLAN else period.label,
        sections=sections,
        sources=cited(ctx.sources, sections),
        front=front,
        signatures=signatures,
        attachments=attachments,
        aggregates_only=aggregates_only,
    )


def cited(sources, sections) -> list:
    """The sources a table or figure of the document names, in the order they were found: a block whose
    section was left out, or that found nothing to show, does not list its source under Underlag."""
    named = {getattr(block, "source", "") for section in sections for block in section.blocks}
    return [source for source in sources if source.key in named]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def tjansteskrivelse_front(ctx: Context, to: str) -> dict[str, str]:
    """The cover of a tjänsteskrivelse: handläggare with phone, date, ärendebeteckning and addressee, as written
    on the document's Tjänsteskrivelse page (reports.views.FrontEdit); the date defaults to the day it is made."""
    written = ctx.narratives
    officer = written.get("front_handlaggare") or written.get("handlaggare", "")
    phone = written.get("front_telefon", "")
    day = written.get("front_datum", "")
    return {
        "Handläggare": ", ".join(part for part in (officer, f"tfn {phone}" if phone else "") if part),
        "Datum": day or formatting.iso_date(timezone.localdate()),
        "Ärendebeteckning": written.get("front_diarienummer") or written.get("diarienummer", ""),
        "Till": to,
    }


def tjansteskrivelse_lists(ctx: Context, sections) -> tuple[list[str], list[str]]:
    """Who signs it, and its bilagor: as written, or by default the document's own appendices (its "Bilaga"
    headings)."""
    attachments = _lines(ctx.narratives.get("front_bilagor", ""))
    if not attachments:
        attachments = [sec.heading.removeprefix("Bilaga: ") for sec in sections if sec.heading.startswith("Bilaga")]
    return _lines(ctx.narratives.get("front_underskrifter", "")), attachments


def tertialrapport(ctx: Context, rows: list[outlines.Row], progress=None):
    month = formatting.MONTHS[ctx.period.end.month - 1]
    title = f"Tertialrapport {month} {ctx.period.year}"
    front = tjansteskrivelse_front(ctx, ctx.unit.committee().name)  # the nämnd's, whatever unit it covers
    return title, f"Rapportperiod: {formatting.iso_date(ctx.period.end)}", outlines.compose(ctx, rows, progress), front


def kvalitetsplan(ctx: Context, rows: list[outlines.Row], progress=None):
    return f"Kvalitetsplan {ctx.period.year}", ctx.unit.name, outlines.compose(ctx, rows, progress), {}


def kvalitetsberattelse(ctx: Context, rows: list[outlines.Row], progress=None):
    return f"Kvalitetsberättelse {ctx.period.year}", ctx.unit.name, outlines.compose(ctx, rows, progress), {}
