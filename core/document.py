"""A document's content as plain data, and the context its blocks are built in.

Each domain app supplies the blocks for its own records (``<app>/blocks.py``): functions that take a
:class:`Context` and return :class:`Section` objects of paragraphs, tables and figures, each table and figure
naming its :class:`Source`. ``reports`` composes them into documents and renders HTML, Word and PDF; a version
stores them as JSON. Counts come from ``Context.aggregate`` (every role's own subtree, nämndledamöter included);
anything that names a single record comes from ``Context.records`` and is left out of an aggregates-only version.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse

from core import formatting
from core.charts import ChartData
from core.scope import aggregate_tops, for_aggregates


@dataclass
class Source:
    """Where a table's or figure's numbers come from: the records, the period and the rule applied."""

    key: str
    title: str
    records: str
    period: str
    rule: str = ""
    url: str = ""


@dataclass
class Paragraph:
    text: str
    suggested: bool = False  # a data sentence the author has not yet kept, edited or dropped


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[str]]
    source: str = ""  # a Source key
    numeric: list[int] = field(default_factory=list)  # columns aligned right
    total_rows: list[int] = field(default_factory=list)  # rows set in bold
    links: dict[str, str] = field(default_factory=dict)  # "row,column" → the records behind the cell


@dataclass
class Figure:
    chart: ChartData
    kind: str = "bar"  # bar | line
    source: str = ""


@dataclass
class Section:
    key: str
    heading: str
    level: int = 1
    blocks: list[Paragraph | Table | Figure] = field(default_factory=list)
    narrative: bool = False  # the author writes text here (stored per document, period and unit)
    suggestions: list[str] = field(default_factory=list)  # data sentences offered for the narrative
    # What the author should check before the document goes out (figures that disagree); preview only.
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReportPeriod:
    year: int
    code: str  # the follow-up point's code; "" for the whole year
    start: dt.date
    end: dt.date
    label: str
    point: Any = None  # the organisation's FollowUpPoint, when the period is one


def shown_count(count: int | None, threshold: int) -> str:
    """A count as a report may show it: below ``threshold`` (and above zero) as “färre än N”, so that no person
    can be singled out in a small group (offentlighets- och sekretesslagen (2009:400) 26 kap. 1 §,
    socialtjänstsekretess). A threshold of 0 shows every count, as the seeds do."""
    if count is None:
        return "–"
    if threshold and 0 < count < threshold:
        return f"färre än {threshold}"
    return formatting.number(count)


@dataclass
class Context:
    """What a document is built for: the period, the unit subtree, the reader and the texts written so far."""

    kind: str
    period: ReportPeriod
    unit: Any  # the organisation Unit whose subtree the document covers
    user: Any
    threshold: int = 0
    aggregates_only: bool = False
    narratives: dict[str, str] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    # The keys in ``sources``, so that naming a source again costs nothing however many there are.
    source_keys: set[str] = field(default_factory=set, repr=False)

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

    def tops(self) -> list[str]:
        """The paths of the units whose own figures stand for the document's subtree, as the reader may count it
        (``core.scope.aggregate_tops``): for stored per-unit values, such as indicator results, that are not summed."""
        return aggregate_tops(self.user, self.unit.path)

    def count(self, value: int | None) -> str:
        return shown_count(value, self.threshold)

    def source(self, key: str, title: str, records: str, rule: str = "", url: str = "") -> str:
        if key not in self.source_keys:
            self.source_keys.add(key)
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


def link(name: str, **query: Any) -> str:
    """The address of a named page with its query: where a table's cell or a source leads."""
    return reverse(name) + ("?" + urlencode(query) if query else "")
