"""Outlines (rapportmallar): the ordered sections of a document, as data, and how a document is composed from one.

A section is a heading at a level with, optionally, a place to write (its key names the stored text), a standard
text offered as the starting point, and a data block from the catalogue (``reports.catalogue``). Each document kind
ships a default outline that follows its seed section by section; a municipality copies it and changes the copy in
the app (``reports.models.Outline``), and the active copy is used from then on.

Headings and standard texts may name {nämnd}, {enhet}, {år} and {månad}: the committee, the unit the document
covers (as written mid-sentence), the year and the month the period ends.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext

from core import formatting
from core.document import Context, Paragraph, Section

from . import catalogue, standard
from .choices import ReportKind, WhenEmpty


@dataclass(frozen=True)
class Row:
    """One section of an outline."""

    level: int
    key: str
    heading: str
    block: str = ""  # a catalogue key, catalogue.SUMMARY, or "" for text only
    text: str = ""  # the standard text offered until the author writes their own (paragraphs apart by a blank line)
    writes: bool = True  # a place to write; False for a bare heading over the sections below it
    # A section with neither text nor data: printed with ``empty_text`` (else EMPTY_TEXT), or left out.
    when_empty: str = WhenEmpty.REASON
    empty_text: str = ""


EMPTY_TEXT = "Inget att redovisa för perioden."


def _paragraphs(lines: list[str]) -> str:
    return "\n\n".join(lines)


DEFAULTS: dict[str, list[Row]] = {
    # Seed 004: tjänsteskrivelse, tertialrapport and its bilaga, the verksamhetsplan's follow-up.
    ReportKind.TERTIALRAPPORT: [
        Row(1, "forslag_till_beslut", "Förslag till beslut",
            text="{nämnd} beslutar att godkänna tertialrapporten efter {månad} {år}."),
        Row(1, "bakgrund", "Bakgrund",
            text="Efter varje tertial sker uppföljning av årets verksamhetsplan. Rapporten belyser väsentliga "
            "händelser, ekonomisk prognos, personalredovisning, måluppföljning samt uppföljning av intern kontroll."),
        Row(1, "sammanfattning", "Sammanfattning", block=catalogue.SUMMARY),
        Row(1, "verksamhetsplan", "Verksamhetsplan", block="goal_follow_up"),
        Row(1, "vasentliga_handelser", "Väsentliga händelser"),
        Row(1, "prognos", "Prognos", block="forecast"),
        Row(1, "atgarder", "Åtgärder och konsekvenser", block="actions"),
        Row(1, "personal", "Väsentliga personalförhållanden", block="staff"),
        Row(1, "kvalitet_styrning", "Kvalitet, styrning och kontroll"),
        Row(2, "lex_sarah", "Lex Sarah", block="lex_sarah_and_other_events", empty_text="Inga lex Sarah-rapporter under perioden."),
        Row(2, "synpunkter", "Synpunkter och klagomål", block="complaints"),
        Row(2, "ej_verkstallda", "Ej verkställda beslut", block="not_carried_out"),
        Row(2, "egenkontroller", "Egenkontroller", block="controls"),
        Row(1, "bilaga", "Bilaga: Tertialuppföljning verksamhetsplan {år}", writes=False),
        Row(2, "verksamhetsplan_oversikt", "Fokusområden och mål", block="operational_plan"),
        Row(2, "kvalitetsindikatorer", "Kvalitetsindikatorer", block="indicators"),
    ],
    # Seed 003.
    ReportKind.KVALITETSPLAN: [
        Row(1, "inledning", "Inledning",
            text="Kvalitetsplanen beskriver hur {enhet} under {år} ska arbeta med riskerna i verksamheten: vilka "
            "egenkontroller som görs, i vilket syfte och vilka åtgärder som pågår."),
        Row(2, "malgrupper", "Målgrupper", block="target_groups"),
        Row(1, "kvalitetsdefinition", "Vad är kvalitet i verksamheten?", text=_paragraphs(standard.QUALITY_AREAS)),
        Row(1, "syfte", "Syfte med kvalitetsarbetet"),
        # The year's planned improvement work per område: the core of a plan.
        Row(1, "forbattringsomraden", "Identifierade förbättringsområden"),
        Row(2, "plan_forebyggande", "Förebyggande verksamhet"),
        Row(2, "plan_utredning", "Utredning"),
        Row(2, "plan_insatser", "Insatser"),
        Row(1, "planerat_arbete", "Risker och egenkontroller", writes=False),
        Row(2, "plan_omraden", "Risker och egenkontroller per område", block="quality_plan"),
        Row(1, "indikatorer_att_folja", "Indikatorer att följa", block="indicator_list"),
    ],
    # Seed 002.
    ReportKind.KVALITETSBERATTELSE: [
        Row(1, "inledning", "Inledning",
            text="Kvalitetsberättelsen beskriver hur {enhet} under {år} har arbetat systematiskt för att säkra och "
            "utveckla kvaliteten i verksamheten, enligt SOSFS 2011:9."),
        Row(1, "forutsattningar", "Grundläggande förutsättningar", writes=False),
        Row(2, "uppdrag", "Uppdrag och organisation"),
        Row(2, "malgrupper", "Målgrupper", block="target_groups"),
        Row(2, "ansvar", "Ansvar och roller", text=_paragraphs(standard.RESPONSIBILITIES)),
        Row(2, "kvalitetsdefinition", "Definition av kvalitet", text=_paragraphs(standard.QUALITY_AREAS)),
        Row(1, "underlag", "Underlag för bedömning", writes=False),
        Row(2, "forutsattningar_ar", "Förutsättningar"),
        Row(2, "sarskilda_handelser", "Särskilda händelser"),
        Row(2, "fokusomraden", "Fokusområden", block="focus_areas"),
        # The verksamhet described area by area, as seed 002 does before the improvement work.
        Row(2, "forebyggande", "Förebyggande verksamhet"),
        Row(2, "stod_barn_unga", "Stöd till barn och unga"),
        Row(2, "stod_vuxna", "Lättillgängligt stöd till vuxna"),
        Row(2, "utredning", "Utredning"),
        Row(2, "utforande", "Utförande av insatser"),
        Row(1, "forbattringsarbete", "Systematiskt förbättringsarbete", writes=False),
        Row(2, "avvikelser", "Avvikelser", block="deviations"),
        Row(2, "avvikelser_analys", "Analys av avvikelser"),
        Row(2, "synpunkter", "Synpunkter och klagomål", block="complaints"),
        Row(2, "synpunkter_analys", "Analys av synpunkter och klagomål"),
        Row(2, "riskhantering", "Riskhantering", block="risks"),
        Row(2, "egenkontroller", "Egenkontroller", block="controls"),
        Row(2, "granskningar", "Revisioner och granskningar", block="reviews"),
        Row(2, "egna_uppfoljningar", "Egna uppföljningar"),
        Row(1, "resultat", "Uppföljning och resultat", writes=False),
        Row(2, "statistik", "Statistik", block="case_statistics"),
        Row(2, "brukarundersokningar", "Brukarundersökningar", block="surveys"),
        Row(2, "individuppfoljning", "Individbaserad systematisk uppföljning"),
        Row(2, "kvalitetsindikatorer", "Kvalitetsindikatorer", block="indicators"),
        Row(1, "bedomning", "Bedömning av kvalitet"),
        Row(2, "bedomning_forebyggande", "Förebyggande verksamhet"),
        Row(2, "bedomning_utredning", "Utredning"),
        Row(2, "bedomning_utforande", "Utförande av insatser"),
        Row(2, "bedomning_privata", "Utförande av insatser hos privata utförare"),
        Row(1, "forbattringsomraden", "Förbättringsområden"),
    ],
}  # fmt: skip


def rows_for(kind: str) -> list[Row]:
    """The outline a document of ``kind`` is built from: the municipality's active copy, else the default."""
    from .models import Outline

    outline = Outline.objects.filter(kind=kind, is_active=True).first()
    if outline is None:
        return DEFAULTS[kind]
    return [
        Row(s.level, s.key, s.heading, s.block, s.text, s.writes, s.when_empty, s.empty_text)
        for s in outline.sections.filter(is_active=True).order_by("position", "pk")
    ]


def copy_default(kind: str, unit, name: str):
    """A municipality's own outline of ``kind``, a copy of the default, made the one in use."""
    from django.db import transaction

    from .models import Outline, OutlineSection

    with transaction.atomic():
        outline = Outline(kind=kind, name=name, unit=unit, is_active=False)
        outline.use()
        for position, row in enumerate(DEFAULTS[kind], start=1):
            OutlineSection.objects.create(
                outline=outline,
                position=position * 10,
                level=row.level,
                key=row.key,
                heading=row.heading,
                block=row.block,
                text=row.text,
                writes=row.writes,
                when_empty=row.when_empty,
                empty_text=row.empty_text,
            )
    return outline


PLACEHOLDERS = ("{nämnd}", "{enhet}", "{år}", "{månad}")


def placeholders(ctx: Context) -> dict[str, str]:
    """What {nämnd}, {enhet}, {år} and {månad} stand for in a document's headings and standard texts."""
    values = (
        ctx.unit.committee().name,
        ctx.unit.name.lower(),
        str(ctx.period.year),
        formatting.MONTHS[ctx.period.end.month - 1],
    )
    return dict(zip(PLACEHOLDERS, values, strict=True))


def _filled(text: str, values: dict[str, str]) -> str:
    # Only the names above are replaced: any other brace an author writes stays as written.
    for name, value in values.items():
        text = text.replace(name, value)
    return text


def compose(ctx: Context, rows: list[Row], progress: Callable[[int, int], None] | None = None) -> list[Section]:
    """The document's sections, row by row: each block built by its app, each text in its place; the summary
    last, since it gathers the data sentences of the summarised blocks wherever they stand. ``progress`` is told
    (rows done, rows) after each row."""
    values = placeholders(ctx)
    built: list[list[Section]] = []
    summarised: list[str] = []
    summaries: list[int] = []
    for done, row in enumerate(rows):
        if progress is not None:
            progress(done, len(rows))
        heading = _filled(row.heading, values)
        if row.block == catalogue.SUMMARY:
            summaries.append(len(built))
            built.append([])
            continue
        if row.block:
            block = catalogue.BLOCKS.get(row.block)
            if block is None:  # a block no longer in the catalogue: the section stays, saying so
                section = ctx.narrative(row.key, heading, row.level)
                section.warnings.append(
                    gettext("The data block “%(block)s” no longer exists; choose another in the outline.")
                    % {"block": row.block}
                )
                built.append([section])
                continue
            sections = block.build(ctx, row.level)
            if sections and block.named:
                sections[0].heading = heading
            if block.summarised:
                summarised += [sentence for section in sections for sentence in section.suggestions]
            built.append(sections)
        elif row.writes:
            suggestions = [p.strip() for p in _filled(row.text, values).split("\n\n") if p.strip()]
            built.append([ctx.narrative(row.key, heading, row.level, suggestions)])
        else:
            built.append([Section(row.key, heading, row.level)])
    for index in summaries:
        row = rows[index]
        built[index] = [ctx.narrative(row.key, _filled(row.heading, values), row.level, summarised)]
    return _filled_or_left_out(rows, built, values, written=set(ctx.narratives))


def _filled_or_left_out(rows: list[Row], built: list[list[Section]], values, written: set[str]) -> list[Section]:
    """Sections with neither text nor data (and no sections under them): left out, or given the outline's reason,
    and flagged in the preview so the author sees what is still missing. A text its author saved empty stays
    as they left it: that is their choice, not a gap. Judged from the end, so a heading whose subsections were
    all left out (a bare heading over them included) is judged as empty itself."""
    placed = [(row, section) for row, sections in zip(rows, built, strict=True) for section in sections]
    kept: list[Section] = []  # from the end
    for row, section in reversed(placed):
        has_subsections = bool(kept) and kept[-1].level > section.level
        if section.blocks or has_subsections or section.key in written:
            kept.append(section)
            continue
        if row.when_empty == WhenEmpty.OMIT:
            continue
        reason = _filled(row.empty_text, values) or EMPTY_TEXT
        section.blocks.append(Paragraph(reason))
        section.warnings.append(
            gettext("The section has neither text nor data for the period; the document says: “%(reason)s”.")
            % {"reason": reason}
        )
        kept.append(section)
    return kept[::-1]
