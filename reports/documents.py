"""The three documents the nämnd receives, composed from the shared sections in the order of the seeds:
kvalitetsberättelse (seed 002), kvalitetsplan (seed 003) and tertialrapport (seed 004)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone

from core import formatting
from goals.choices import GoalKind
from goals.models import Goal
from organisation.models import TargetGroup, Unit

from . import sections as s
from . import standard
from .choices import ReportKind
from .content import Report, Section, Table
from .rules import ReportPeriod


def build(
    kind: str,
    period: ReportPeriod,
    unit: Unit,
    user: Any,
    *,
    narratives: dict[str, str] | None = None,
    aggregates_only: bool = False,
) -> Report:
    """Assemble a document's content from the records the user may count or see, for the period and subtree."""
    ctx = s.Context(
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
    title, subtitle, sections, front = builder(ctx)
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
        sources=ctx.sources,
        front=front,
        signatures=signatures,
        attachments=attachments,
        aggregates_only=aggregates_only,
    )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def tjansteskrivelse_front(ctx: s.Context, to: str) -> dict[str, str]:
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


def tjansteskrivelse_lists(ctx: s.Context, sections) -> tuple[list[str], list[str]]:
    """Who signs it, and its bilagor: as written, or by default the document's own appendices (its "Bilaga"
    headings)."""
    attachments = _lines(ctx.narratives.get("front_bilagor", ""))
    if not attachments:
        attachments = [sec.heading.removeprefix("Bilaga: ") for sec in sections if sec.heading.startswith("Bilaga")]
    return _lines(ctx.narratives.get("front_underskrifter", "")), attachments


def _heading(key: str, text: str, level: int = 1) -> Section:
    return Section(key, text, level)


def tertialrapport(ctx: s.Context):
    month = formatting.MONTHS[ctx.period.end.month - 1]
    title = f"Tertialrapport {month} {ctx.period.year}"
    organisation = ctx.unit.name.lower() if ctx.unit.parent_id is None else ctx.unit.name
    committee = ctx.unit.committee()  # the decision and the addressee are the nämnd's, whatever unit it covers
    decision = ctx.narrative(
        "forslag_till_beslut",
        "Förslag till beslut",
        1,
        [f"{committee.name} beslutar att godkänna tertialrapporten efter {month} {ctx.period.year}."],
    )
    front = tjansteskrivelse_front(ctx, committee.name)
    prognos = s.forecast(ctx, organisation)
    lex = s.lex_sarah(ctx, level=2, other_events=True)
    staff_sections = s.staff(ctx)
    summary_suggestions = prognos[0].suggestions + lex.suggestions
    for section in staff_sections:
        summary_suggestions += section.suggestions
    sections = [
        decision,
        ctx.narrative(
            "bakgrund",
            "Bakgrund",
            1,
            [
                "Efter varje tertial sker uppföljning av årets verksamhetsplan. Rapporten belyser väsentliga "
                "händelser, ekonomisk prognos, personalredovisning, måluppföljning samt uppföljning av intern kontroll."
            ],
        ),
        ctx.narrative("sammanfattning", "Sammanfattning", 1, summary_suggestions),
        ctx.narrative("vasentliga_handelser", "Väsentliga händelser", 1),
        *prognos,
        s.actions(ctx, 1),
        *staff_sections,
        ctx.narrative("kvalitet_styrning", "Kvalitet, styrning och kontroll", 1),
        lex,
        s.complaints(ctx, 2),
        s.not_carried_out_section(ctx, 2),
        s.control_tables(ctx, 2),
        _heading("bilaga", f"Bilaga: Tertialuppföljning verksamhetsplan {ctx.period.year}", 1),
        s.goal_follow_up(ctx, 2),
        s.indicator_tables(ctx, 2),
    ]
    return title, f"Rapportperiod: {formatting.iso_date(ctx.period.end)}", sections, front


def kvalitetsplan(ctx: s.Context):
    title = f"Kvalitetsplan {ctx.period.year}"
    indicators = s.indicator_tables(ctx, 2)
    indicator_rows = [[block.caption] for block in indicators.blocks if isinstance(block, Table)]
    follow = ctx.narrative("indikatorer_att_folja", "Indikatorer att följa", 1)
    if indicator_rows:
        follow.blocks.append(Table("Indikatorer som följs under året", ["Indikator"], indicator_rows, ""))
    sections = [
        ctx.narrative(
            "inledning",
            "Inledning",
            1,
            [
                f"Kvalitetsplanen beskriver hur {ctx.unit.name.lower()} under {ctx.period.year} ska arbeta med "
                "riskerna i verksamheten: vilka egenkontroller som görs, i vilket syfte och vilka åtgärder som pågår."
            ],
        ),
        target_groups(ctx, 2),
        ctx.narrative("kvalitetsdefinition", "Vad är kvalitet i verksamheten?", 1, standard.QUALITY_AREAS),
        ctx.narrative("syfte", "Syfte med kvalitetsarbetet", 1),
        # The year's planned improvement work per område: the core of a plan (seed 003).
        ctx.narrative("forbattringsomraden", "Identifierade förbättringsområden", 1),
        ctx.narrative("plan_forebyggande", "Förebyggande verksamhet", 2),
        ctx.narrative("plan_utredning", "Utredning", 2),
        ctx.narrative("plan_insatser", "Insatser", 2),
        _heading("planerat_arbete", "Risker och egenkontroller", 1),
        *s.quality_plan_areas(ctx, 1),
        follow,
    ]
    return title, ctx.unit.name, sections, {}


def target_groups(ctx: s.Context, level: int) -> Section:
    section = ctx.narrative("malgrupper", "Målgrupper", level)
    groups = list(TargetGroup.objects.filter(is_active=True).order_by("name"))
    if groups:
        section.blocks.append(
            Table("Målgrupper", ["Målgrupp", "Beskrivning"], [[g.name, g.description or "–"] for g in groups], "")
        )
    return section


def kvalitetsberattelse(ctx: s.Context):
    title = f"Kvalitetsberättelse {ctx.period.year}"
    focus = ctx.narrative("fokusomraden", "Fokusområden", 2)
    areas = Goal.objects.filter(year=ctx.period.year, kind=GoalKind.FOCUS_AREA).order_by("order", "title")
    if areas:
        focus.blocks.append(Table("Fokusområden", ["Fokusområde"], [[g.title] for g in areas], ""))
    improvement = ctx.narrative("forbattringsomraden", "Förbättringsområden", 1)
    sections = [
        ctx.narrative(
            "inledning",
            "Inledning",
            1,
            [
                f"Kvalitetsberättelsen beskriver hur {ctx.unit.name.lower()} under {ctx.period.year} har arbetat "
                "systematiskt för att säkra och utveckla kvaliteten i verksamheten, enligt SOSFS 2011:9."
            ],
        ),
        _heading("forutsattningar", "Grundläggande förutsättningar", 1),
        ctx.narrative("uppdrag", "Uppdrag och organisation", 2),
        target_groups(ctx, 2),
        ctx.narrative("ansvar", "Ansvar och roller", 2, standard.RESPONSIBILITIES),
        ctx.narrative("kvalitetsdefinition", "Definition av kvalitet", 2, standard.QUALITY_AREAS),
        _heading("underlag", "Underlag för bedömning", 1),
        ctx.narrative("forutsattningar_ar", "Förutsättningar", 2),
        ctx.narrative("sarskilda_handelser", "Särskilda händelser", 2),
        focus,
        # The verksamhet described area by area, as seed 002 does before the improvement work.
        ctx.narrative("forebyggande", "Förebyggande verksamhet", 2),
        ctx.narrative("stod_barn_unga", "Stöd till barn och unga", 2),
        ctx.narrative("stod_vuxna", "Lättillgängligt stöd till vuxna", 2),
        ctx.narrative("utredning", "Utredning", 2),
        ctx.narrative("utforande", "Utförande av insatser", 2),
        _heading("forbattringsarbete", "Systematiskt förbättringsarbete", 1),
        *s.deviations(ctx, 2),
        ctx.narrative("avvikelser_analys", "Analys av avvikelser", 2),
        s.complaints(ctx, 2),
        ctx.narrative("synpunkter_analys", "Analys av synpunkter och klagomål", 2),
        s.risk_tables(ctx, 2),
        s.control_tables(ctx, 2),
        s.reviews(ctx, 2),
        ctx.narrative("egna_uppfoljningar", "Egna uppföljningar", 2),
        _heading("resultat", "Uppföljning och resultat", 1),
        s.case_statistics(ctx, 2),
        s.surveys(ctx, 2),
        ctx.narrative("individuppfoljning", "Individbaserad systematisk uppföljning", 2),
        s.indicator_tables(ctx, 2),
        ctx.narrative("bedomning", "Bedömning av kvalitet", 1),
        ctx.narrative("bedomning_forebyggande", "Förebyggande verksamhet", 2),
        ctx.narrative("bedomning_utredning", "Utredning", 2),
        ctx.narrative("bedomning_utforande", "Utförande av insatser", 2),
        ctx.narrative("bedomning_privata", "Utförande av insatser hos privata utförare", 2),
        improvement,
    ]
    return title, ctx.unit.name, sections, {}
