"""The sections the three documents share, each built from the records as plain content (see content.py).

Counts come from ``Context.aggregate`` (every role's own subtree, nämndledamöter included); anything that
names a single record comes from ``Context.records`` and is left out of an aggregates-only version.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Prefetch
from django.urls import reverse

from actions.choices import ActionStatus
from actions.models import Action, follow_ups_at, statuses_at
from casedata.compute import not_carried_out_ids
from casedata.models import Case
from casedata.rules import RULES as CASE_RULES
from complaints import statistics as complaint_statistics
from complaints.choices import ComplaintKind
from complaints.models import Complaint
from controls import quality_plan
from controls.models import Control, ControlRun, Review
from core import formatting
from core.charts import ChartData, Series
from core.scope import for_aggregates
from deviations import statistics as deviation_statistics
from deviations.choices import DeviationKind
from deviations.models import Deviation
from finance.models import FinanceReport
from goals.choices import Assessment
from goals.models import GoalReport
from indicators.choices import Gender, Measure
from indicators.models import Indicator, Result, Target
from organisation.models import Unit
from risks.models import Risk
from staff import statistics as staff_statistics
from staff.models import StaffFigure
from surveys.models import Survey

from . import sentences
from .content import Figure, Paragraph, Section, Source, Table
from .rules import ReportPeriod, shown_count


@dataclass
class Context:
    """What a document is built for: the period, the unit subtree, the reader and the texts written so far."""

    kind: str
    period: ReportPeriod
    unit: Unit
    user: Any
    threshold: int = 0
    aggregates_only: bool = False
    narratives: dict[str, str] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)

    def aggregate(self, model):
        return for_aggregates(model.objects.all(), self.user).filter(
            **{model.scope_path.replace("__path", "__path__startswith"): self.unit.path}
        )

    def records(self, model):
        if self.aggregates_only:
            return model.objects.none()
        return model.objects.visible_to(self.user).filter(
            **{model.scope_path.replace("__path", "__path__startswith"): self.unit.path}
        )

    def count(self, value: int | None) -> str:
        return shown_count(value, self.threshold)

    def source(self, key: str, title: str, records: str, rule: str = "", url: str = "") -> str:
        if all(s.key != key for s in self.sources):
            period = f"{formatting.iso_date(self.period.start)}–{formatting.iso_date(self.period.end)}"
            self.sources.append(Source(key, title, records, period, rule, url))
        return key

    def narrative(self, key: str, heading: str, level: int = 1, suggestions: list[str] | None = None) -> Section:
        """A section the author writes: their saved text, or — until they have written it — the suggestions."""
        section = Section(key, heading, level, narrative=True)
        written = self.narratives.get(key)
        if written is not None:
            section.blocks = [Paragraph(p.strip()) for p in re.split(r"\n\s*\n", written) if p.strip()]
        self.suggest(section, suggestions or [])
        return section

    def suggest(self, section: Section, found: list[str]) -> None:
        """Offer data sentences for a section (also those found while its tables are built): always on its
        edit page, and in the draft — ahead of its tables — until the author has written the section."""
        section.suggestions += found
        if section.key not in self.narratives:
            leading = sum(1 for _ in itertools.takewhile(lambda b: getattr(b, "suggested", False), section.blocks))
            section.blocks[leading:leading] = [Paragraph(s, suggested=True) for s in found]


def _link(name: str, **query: Any) -> str:
    return reverse(name) + ("?" + urlencode(query) if query else "")


# --- Avvikelser, lex Sarah, synpunkter ---------------------------------------------------------------------


def deviation_figures(ctx: Context):
    return deviation_statistics.compute(ctx.aggregate(Deviation), ctx.period.start, ctx.period.end, with_charts=False)


def deviations(ctx: Context, level: int = 2) -> list[Section]:
    figures = deviation_figures(ctx)
    url = _link("deviations:statistics", unit=ctx.unit.pk, start=ctx.period.start, end=ctx.period.end)
    source = ctx.source("avvikelser", "Avvikelser", "Avvikelser rapporterade under perioden", url=url)
    section = ctx.narrative(
        "avvikelser",
        "Avvikelser",
        level,
        [sentences.deviations_sentence(figures.total, figures.lex_sarah.reported)],
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
        f"{i},1": _link("deviations:list", kind=value, **period) for i, value in enumerate(DeviationKind.values)
    }
    by_kind.links[f"{len(figures.by_kind)},1"] = _link("deviations:list", **period)
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
        .filter(
            reported_at__date__range=(ctx.period.start, ctx.period.end),
        )
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
        _link("deviations:list", kind="lex_sarah"),
    )
    others = figures.total - lex.reported
    found = [sentences.lex_sarah_sentence(lex.reported, lex.serious, lex.reported_to_ivo)]
    if other_events:
        found.append(sentences.other_events_sentence(others))
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
        "0,1": _link("deviations:list", **period),
        "1,1": _link("deviations:list", assessment="missforhallande", **period),
        "2,1": _link("deviations:list", assessment="risk", **period),
        "3,1": _link("deviations:list", assessment="none", **period),
        "5,1": _link("deviations:list", is_serious="true", **period),
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
        events.links = {"2,1": _link("deviations:list", unit=ctx.unit.pk, reported_from=ctx.period.start,
                                       reported_to=ctx.period.end)}  # fmt: skip
        section.blocks.append(events)
    return section


def complaints(ctx: Context, level: int = 2) -> Section:
    figures = complaint_statistics.compute(
        ctx.aggregate(Complaint), ctx.period.start, ctx.period.end, with_charts=False
    )
    source = ctx.source(
        "synpunkter",
        "Synpunkter och klagomål",
        "Synpunkter och klagomål mottagna under perioden",
        url=_link("complaints:statistics", unit=ctx.unit.pk, start=ctx.period.start, end=ctx.period.end),
    )
    complaint_count = (
        ctx.aggregate(Complaint)
        .filter(kind=ComplaintKind.COMPLAINT, received_on__range=(ctx.period.start, ctx.period.end))
        .count()
    )
    section = ctx.narrative(
        "synpunkter", "Synpunkter och klagomål", level, [sentences.complaints_sentence(figures.total, complaint_count)]
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
        _link("casedata:not_carried_out"),
    )
    # A decision that waits on is reported again each period: the total counts each decision once.
    total = len(set().union(*(ids for _w, ids in found))) if found else 0
    section = ctx.narrative(
        "ej_verkstallda", "Ej verkställda beslut", level, [sentences.not_carried_out_sentence(total)]
    )
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


# --- Risker, egenkontroller, granskningar, åtgärder ------------------------------------------------------------


def risk_tables(ctx: Context, level: int = 2) -> Section:
    """Per area: Risk | Kommentar | Uppföljning av åtgärd (seed 002)."""
    source = ctx.source(
        "risker",
        "Riskhantering",
        "Riskregistret (aktiva risker) och deras åtgärder",
        "Risknivå = sannolikhet × konsekvens",
        _link("risks:list"),
    )
    section = ctx.narrative("riskhantering", "Riskhantering", level)
    if ctx.aggregates_only:
        levels = Counter(ctx.aggregate(Risk).filter(is_active=True).values_list("area", flat=True))
        section.blocks.append(
            Table(
                "Aktiva risker per område",
                ["Område", "Antal risker"],
                [[area, ctx.count(n)] for area, n in sorted(levels.items())],
                source,
                [1],
            )
        )
        return section
    risks = (
        ctx.records(Risk)
        .filter(is_active=True)
        .order_by("area", "-level", "title")
        .prefetch_related(Prefetch("actions", ctx.records(Action)))
    )
    by_area: dict[str, list[list[str]]] = {}
    for risk in risks:
        follow_up = "; ".join(
            f"{a.title}: {a.get_status_display().lower()}" + (f" – {a.follow_up}" if a.follow_up else "")
            for a in risk.actions.all()
        )
        by_area.setdefault(risk.area, []).append(
            [f"{risk.title} (risknivå {risk.level})", risk.comment or "–", follow_up or "–"]
        )
    for area, rows in by_area.items():
        section.blocks.append(Table(area, ["Risk", "Kommentar", "Uppföljning av åtgärd"], rows, source))
    return section


RUNS_LISTED = 300  # a document lists this many genomföranden; the counts above it cover them all


def control_tables(ctx: Context, level: int = 2) -> Section:
    """The two tables of seed 002: egenkontroller planned for the year, and those performed with their result."""
    source = ctx.source(
        "egenkontroller",
        "Egenkontroller",
        "Egenkontroller och genomföranden under perioden",
        url=_link("controls:list"),
    )
    section = ctx.narrative("egenkontroller", "Egenkontroller", level)
    runs = ctx.aggregate(ControlRun).filter(performed_on__range=(ctx.period.start, ctx.period.end))
    verdicts = dict(runs.values_list("verdict").annotate(n=Count("id")).values_list("verdict", "n"))
    section.blocks.append(
        Table(
            "Genomförda egenkontroller",
            ["", "Antal"],
            [
                ["Planerade egenkontroller", ctx.count(ctx.aggregate(Control).filter(is_active=True).count())],
                ["Genomföranden under perioden", ctx.count(sum(verdicts.values()))],
                ["varav godkända", ctx.count(verdicts.get("approved", 0))],
                ["varav med behov av åtgärd", ctx.count(verdicts.get("needs_action", 0))],
                ["varav som ledde till en åtgärd", ctx.count(runs.exclude(action=None).count())],
            ],
            source,
            [1],
        )
    )
    if not ctx.aggregates_only:
        runs = list(
            ctx.records(ControlRun)
            .filter(performed_on__range=(ctx.period.start, ctx.period.end))
            .select_related("control__risk", "action")
            .order_by("performed_on", "pk")[: RUNS_LISTED + 1]
        )
        if len(runs) > RUNS_LISTED:
            runs = runs[:RUNS_LISTED]
            section.blocks.append(
                Paragraph(
                    f"Tabellerna visar de {RUNS_LISTED} första genomförandena under perioden; alla finns i listan "
                    "över genomförda egenkontroller."
                )
            )
        section.blocks += _control_run_tables(ctx, runs, source)
    return section


def _control_run_tables(ctx: Context, runs: list, source: str) -> list[Table]:
    """Seed 002's two tables: the controls that called for åtgärder — with their linked risk and the åtgärd's
    status at the period's end and its follow-up — and the approved ones. Links the reader may not see are left
    out (core.scope.links)."""
    risks = set(ctx.records(Risk).filter(pk__in={r.control.risk_id for r in runs}).values_list("pk", flat=True))
    actions = ctx.records(Action).filter(pk__in={r.action_id for r in runs if r.action_id})
    status = statuses_at(actions, ctx.period.end)
    written = follow_ups_at(actions, ctx.period.end)
    labels = dict(ActionStatus.choices)

    def control(run) -> str:
        risk = run.control.risk
        linked = f" (kopplad till risk: {risk.title})" if risk is not None and risk.pk in risks else ""
        return run.control.title + linked

    def result(run) -> str:
        return f"{formatting.iso_date(run.performed_on)}: {run.result}"

    def follow_up(run) -> str:
        if run.action_id not in status:
            return "–"
        action = run.action
        text = f"{action.title}: {str(labels[status[action.pk]]).lower()}"
        return text + (f" – {written[action.pk]}" if written.get(action.pk) else "")

    acted = [r for r in runs if r.action_id or r.verdict == "needs_action"]
    approved = [r for r in runs if not (r.action_id or r.verdict == "needs_action")]
    tables = []
    if acted:
        tables.append(
            Table(
                "Kontroller som har föranlett behov av åtgärder",
                ["Egenkontroll", "Uppföljning av egenkontroll", "Uppföljning av åtgärd"],
                [[control(r), result(r), follow_up(r)] for r in acted],
                source,
            )
        )
    if approved:
        tables.append(
            Table(
                "Godkända kontroller som ej föranlett behov av åtgärder",
                ["Egenkontroll", "Uppföljning av egenkontroll"],
                [[control(r), result(r)] for r in approved],
                source,
            )
        )
    return tables


def reviews(ctx: Context, level: int = 2) -> Section:
    source = ctx.source(
        "granskningar", "Revisioner och granskningar", "Granskningar under perioden", url=_link("controls:review_list")
    )
    section = ctx.narrative("granskningar", "Revisioner och granskningar", level)
    found = ctx.records(Review).filter(performed_on__range=(ctx.period.start, ctx.period.end)).order_by("performed_on")
    rows = [[r.title, r.get_kind_display(), r.performed_by, formatting.iso_date(r.performed_on)] for r in found]
    if rows:
        section.blocks.append(
            Table("Revisioner och granskningar", ["Granskning", "Slag", "Utförd av", "Datum"], rows, source)
        )
    return section


def actions(ctx: Context, level: int = 1) -> Section:
    source = ctx.source("atgarder", "Åtgärder", "Åtgärder i förbättringsarbetet", url=_link("actions:list"))
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


def quality_plan_areas(ctx: Context, level: int = 1) -> list[Section]:
    """Seed 003: per area, Risk | Egenkontroll | Syfte | Åtgärder | Vad ska göras."""
    source = ctx.source(
        "kvalitetsplan",
        "Kvalitetsplan",
        "Riskregistret och egenkontrollerna",
        "Risknivå = sannolikhet × konsekvens",
        _link("controls:quality_plan", year=ctx.period.year),
    )
    if ctx.aggregates_only:
        return [risk_tables(ctx, level)]
    areas = quality_plan.build(ctx.records(Risk), ctx.records(Control), ctx.records(Action), ctx.period.year)
    found = []
    for index, area in enumerate(areas, start=1):
        section = ctx.narrative(f"plan_omrade_{index}", area.area, level + 1)
        rows = []
        for row in area.rows:
            controls = row.controls or [quality_plan.PlanControl("", "", "", "")]
            for position, control in enumerate(controls):
                rows.append(
                    [
                        (f"{row.risk} ({row.level})" if row.level else row.risk) if position == 0 else "",
                        control.title or "–",
                        control.purpose or "–",
                        "; ".join(row.actions) if position == 0 and row.actions else ("–" if position == 0 else ""),
                        control.plan or "–",
                    ]
                )
        section.blocks.append(
            Table(area.area, ["Risk", "Egenkontroll", "Syfte", "Åtgärder", "Vad ska göras"], rows, source)
        )
        found.append(section)
    return found


# --- Indikatorer, ärendedata, brukarundersökningar ---------------------------------------------------------------


def _share(value: Decimal | None, numerator: int | None, denominator: int | None, ctx: Context, percent: bool) -> str:
    if value is None:
        return "–"
    shown = formatting.percent(value) if percent else formatting.number(value, 0 if value == int(value) else 1)
    if numerator is not None and denominator:
        return f"{shown} ({ctx.count(numerator)} av {ctx.count(denominator)})"
    return shown


def indicator_tables(ctx: Context, level: int = 2) -> Section:
    """Seed 002's tables, Period | Utfall | Etappmål | Målvärde, with each share's numerator and denominator,
    and a trend chart, for every indicator with results for the unit."""
    section = ctx.narrative("kvalitetsindikatorer", "Kvalitetsindikatorer", level)
    years = [ctx.period.year - 2, ctx.period.year - 1, ctx.period.year]
    results = (
        ctx.aggregate(Result)
        .filter(unit=ctx.unit, gender=Gender.TOTAL, point__period__year__in=years, point__ends_on__lte=ctx.period.end)
        .select_related("indicator", "point__period")
        .order_by("indicator__code", "point__ends_on", "point__order")
    )
    by_indicator: dict[int, list[Result]] = {}
    for result in results:
        by_indicator.setdefault(result.indicator_id, []).append(result)
    targets = {(t.indicator_id, t.year): t.value for t in Target.objects.filter(year__in=years, unit__isnull=True)}
    case_codes = {rule.code: rule for rule in CASE_RULES}
    suggestions = []
    for rows in by_indicator.values():
        indicator: Indicator = rows[0].indicator
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
            indicator.name,
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
                    indicator.name,
                    [row[0] for row in table.rows],
                    [Series(**s) for s in chart_series],
                    "Procent" if percent else indicator.get_measure_display(),
                ),
                "line",
                source,
            )
        )
        latest = shown[-1] if shown else None
        if latest is not None and latest.denominator and latest.point.period.year == ctx.period.year:
            suggestions.append(
                sentences.share_sentence(indicator.code, indicator.name, latest.numerator, latest.denominator)
            )
    ctx.suggest(section, suggestions)
    return section


def surveys(ctx: Context, level: int = 2) -> Section:
    source = ctx.source(
        "brukarundersokningar", "Brukarundersökningar", "Importerade brukarundersökningar", url=_link("surveys:list")
    )
    section = ctx.narrative("brukarundersokningar", "Brukarundersökningar", level)
    found = ctx.aggregate(Survey).filter(year__in=[ctx.period.year, ctx.period.year - 1]).select_related("unit")
    for survey in found.order_by("-year", "name", "unit__name").prefetch_related("questions"):
        rate = survey.response_rate
        rows = [
            [q.text, formatting.percent(q.positive_share), formatting.percent(q.national_share)]
            for q in survey.questions.all()
        ]
        caption = (
            f"{survey.name}, {survey.unit.name} (svarsfrekvens {formatting.percent(rate)}, "
            f"{ctx.count(survey.answered)} av {ctx.count(survey.distributed)})"
        )
        section.blocks.append(Table(caption, ["Fråga", "Andel positiva", "Riket"], rows, source, [1, 2]))
    return section


def case_statistics(ctx: Context, level: int = 2) -> Section:
    source = ctx.source("statistik", "Statistik", "Importerad ärendedata", url=_link("casedata:list"))
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


# --- Ekonomi och personal ---------------------------------------------------------------------------------------


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


def forecast(ctx: Context, organisation: str) -> list[Section]:
    source = ctx.source(
        "ekonomi",
        "Driftredovisning",
        "Importerad driftredovisning för uppföljningstillfället",
        "Avvikelse = budget − prognos; summor kontrollerade per nivå",
        _link("finance:list"),
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
            suggestions.append(sentences.forecast_sentence(organisation, f"efter {month}", total[-1].deviation))
    heading = ctx.narrative("prognos", "Prognos", 1, suggestions)
    operating = ctx.narrative("driftredovisning", "Driftredovisning", 2)
    if by_cost is not None:
        operating.blocks.append(_statement_table(ctx, by_cost, "Driftredovisning, tkr", source))
    if by_activity is not None:
        operating.blocks.append(_statement_table(ctx, by_activity, "Driftredovisning per verksamhet, tkr", source))
    if by_cost is None and by_activity is None:
        operating.blocks.append(Paragraph("Ingen driftredovisning är importerad för uppföljningstillfället."))
    invest = ctx.narrative("investeringsredovisning", "Investeringsredovisning", 2)
    if investment is not None:
        invest.blocks.append(_statement_table(ctx, investment, "Investeringsredovisning, tkr", source))
    return [heading, operating, invest]


def staff(ctx: Context) -> list[Section]:
    source = ctx.source(
        "personal",
        "Personal",
        "Importerade personaluppgifter",
        "Totalt = kvinnor + män; årsarbetare avrundade per rad",
        _link("staff:list"),
    )
    # The unit and everything below it (staff.statistics): the nämnd's document shows the whole förvaltning.
    combined = staff_statistics.combine(
        ctx.aggregate(StaffFigure)
        .filter(year__in=[ctx.period.year - 3, ctx.period.year - 2, ctx.period.year - 1, ctx.period.year])
        .select_related("unit")
        .order_by("year", "period")
    )
    top = ctx.narrative("personal", "Väsentliga personalförhållanden", 1)
    for warning in combined.disagreements:
        top.warnings.append(warning)
    people = ctx.narrative("personalsammansattning", "Personalsammansättning", 2)
    table: dict[tuple[int, str], dict[str, Decimal]] = {}
    for (year, _period, measure, gender), value in combined.values.items():
        table.setdefault((year, measure), {})[gender] = value
    years = sorted({y for y, m in table if m in ("personer", "arsarbetare")})[-2:]
    if years:
        header = [""]
        for y in years:
            header += [f"{y} Antal personer", f"{y} Antal årsarbetare"]
        rows = []
        for gender, label in (("K", "Kvinnor"), ("M", "Män"), ("T", "Totalt")):
            row = [label]
            for y in years:
                row.append(ctx.count(int(table.get((y, "personer"), {}).get(gender, 0))))
                fte = table.get((y, "arsarbetare"), {}).get(gender)
                row.append(formatting.number(fte, 1) if fte is not None else "–")
            rows.append(row)
        people.blocks.append(Table("Personalsammansättning", header, rows, source, list(range(1, len(header))), [2]))
    sick = ctx.narrative("sjukfranvaro", "Sjukfrånvaro", 2)
    sick_rows = {(y, p, g): v for (y, p, m, g), v in combined.values.items() if m == "sjukfranvaro"}
    periods = sorted({(y, p) for y, p, _g in sick_rows})
    if periods:
        header = [""] + [f"Sjukfrv %, {p} {y}" for y, p in periods]
        rows = []
        for gender, label in (("K", "Kvinnor"), ("M", "Män"), ("T", "Totalt")):
            rows.append([label] + [formatting.percent(sick_rows.get((y, p, gender)), 2) for y, p in periods])
        sick.blocks.append(Table("Sjukfrånvaro", header, rows, source, list(range(1, len(header))), [2]))
        latest = periods[-1]
        by_gender = {g: v for (y, p, g), v in sick_rows.items() if (y, p) == latest}
        if "T" in by_gender:
            sentence = sentences.sick_leave_sentence(latest[1], by_gender["T"], by_gender.get("K"), by_gender.get("M"))
            ctx.suggest(sick, [sentence])
    return [top, people, sick]


# --- Mål ----------------------------------------------------------------------------------------------------------


ASSESSMENT_LABELS = {
    Assessment.FULLY: "helt uppfyllda",
    Assessment.PARTLY: "delvis uppfyllda",
    Assessment.NOT_MET: "ej uppfyllda",
    Assessment.NOT_EVALUATED: "ej utvärderade",
}


def goal_follow_up(ctx: Context, level: int = 1) -> Section:
    """The verksamhetsplan's follow-up at the point: each goal with its bedömning (seed 004's bilaga)."""
    source = ctx.source(
        "mal", "Verksamhetsplanens mål", "Målrapporteringar för uppföljningstillfället", url=_link("goals:tree")
    )
    # Every unit in the subtree reports on its goals: the nämnd's document holds each verksamhetsområde's bedömning.
    reports = (
        ctx.aggregate(GoalReport)
        .filter(round__point=ctx.period.point)
        .select_related("goal", "unit")
        .order_by("goal__order", "goal__title", "unit__path")
        if ctx.period.point
        else GoalReport.objects.none()
    )
    counts = Counter(r.assessment for r in reports)
    suggestion = sentences.goals_sentence({label: counts.get(value, 0) for value, label in ASSESSMENT_LABELS.items()})
    section = ctx.narrative("verksamhetsplan", "Uppföljning av verksamhetsplanen", level, [suggestion])
    rows = []
    for report in reports:
        row = [report.goal.title, report.unit.name, report.get_assessment_display()]
        if not ctx.aggregates_only:
            row.append(report.overall or "–")
        rows.append(row)
    header = ["Mål", "Enhet", "Bedömning"] + ([] if ctx.aggregates_only else ["Samlad bedömning"])
    if rows:
        section.blocks.append(Table("Målen och deras bedömning", header, rows, source))
    return section
