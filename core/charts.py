"""The one chart module: SVG (and PNG) charts from plain data, for pages and the Word and PDF documents.

Every chart comes with its alt text and its data as a table, so a screen reader, a printed copy
and the chart itself say the same thing.
"""

from __future__ import annotations

import base64
import dataclasses
import io
import json
from dataclasses import dataclass, field

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from . import formatting

matplotlib.rcParams.update(
    {
        "svg.hashsalt": "kvalitetsnav",  # stable ids: the same data gives the same file
        "font.family": "DejaVu Sans",
        "font.size": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)
# Colours with at least 3:1 contrast against white and against each other in lightness (WCAG 1.4.11).
PALETTE = ["#0b4f6c", "#c0392b", "#1d6b2a", "#7d3c98", "#b9770e", "#2e4053"]


@dataclass
class Series:
    """One line or set of bars. ``style`` draws it as a value line, a control limit, a centre line or a
    target; ``marked`` lists the positions to ring (special-cause signals). ``None`` is a gap."""

    name: str
    values: list[float | None]
    style: str = "value"  # value | limit | centre | target | comparison
    marked: list[int] = field(default_factory=list)


@dataclass
class ChartData:
    """What a chart shows: a title, category labels, one or more series, and the unit of the values."""

    title: str
    categories: list[str]
    series: list[Series]
    value_label: str = ""
    horizontal: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class Chart:
    data: ChartData
    svg: str
    alt: str
    kind: str = "line"

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()

    @property
    def rows(self) -> list[tuple[str, list[float]]]:
        return [(c, [s.values[i] for s in self.data.series]) for i, c in enumerate(self.data.categories)]


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    return formatting.number(value, 0 if float(value).is_integer() else 1)


def alt_text(data: ChartData) -> str:
    """A sentence a screen reader can read instead of the picture."""
    if not data.categories:
        return f"{data.title}: inga uppgifter."
    parts = []
    for series in data.series:
        if series.style in ("limit", "centre"):
            continue  # the limits are in the table and the notes; read aloud point by point they drown the values
        pairs = ", ".join(f"{c} {_number(v)}" for c, v in zip(data.categories, series.values, strict=True))
        parts.append(f"{series.name}: {pairs}" if len(data.series) > 1 else pairs)
    return f"{data.title}. " + "; ".join(parts) + "." + "".join(f" {note}" for note in data.notes)


# Recent drawings, by what they show and in which format: the same data draws the same file (ids are salted
# stably), matplotlib takes a tenth of a second or more per chart, and pages and documents draw the same figures
# again and again (a preview and then a version, Word and then the PDF). Bounded: a document of thousands of
# charts only passes through it.
_drawn: dict[str, str | bytes] = {}
DRAWN_MAX = 256


def _key(kind: str, data: ChartData, image_format: str) -> str:
    return f"{kind}:{image_format}:" + json.dumps(dataclasses.asdict(data), default=str)  # lazy texts as they read now


def drawn(kind: str, data: ChartData, image_format: str) -> str | bytes | None:
    """The drawing of this chart in this format if it was made recently, else None."""
    return _drawn.get(_key(kind, data, image_format))


def keep(kind: str, data: ChartData, image_format: str, drawing: str | bytes) -> None:
    """Remember a drawing made elsewhere (in a helper process) for the next that asks."""
    key = _key(kind, data, image_format)
    if key not in _drawn and len(_drawn) >= DRAWN_MAX:
        _drawn.pop(next(iter(_drawn)))
    _drawn[key] = drawing


def _drawing(kind: str, data: ChartData, image_format: str) -> str | bytes:
    found = drawn(kind, data, image_format)
    if found is None:
        found = (_draw_bars if kind == "bar" else _draw_lines)(data, image_format)
        keep(kind, data, image_format, found)
    return found


def _cached_svg(kind: str, data: ChartData) -> Chart:
    return Chart(data=data, svg=str(_drawing(kind, data, "svg")), alt=alt_text(data), kind=kind)


def _saved(fig, image_format: str) -> str | bytes:
    fig.tight_layout()
    if image_format == "png":
        binary = io.BytesIO()
        fig.savefig(binary, format="png", dpi=150, metadata={"Software": "Kvalitetsnav"})
        plt.close(fig)
        return binary.getvalue()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "Kvalitetsnav"})
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def png(chart: Chart) -> bytes:
    """The same chart as a PNG picture, for Word and PDF documents (Word cannot hold SVG everywhere, and a
    picture lays out far faster than a vector drawing in a long PDF)."""
    return bytes(_drawing(chart.kind, chart.data, "png"))


def bar_chart(data: ChartData) -> Chart:
    """A bar chart (grouped when there are several series) as an SVG document."""
    return _cached_svg("bar", data)


def _draw_bars(data: ChartData, image_format: str = "svg") -> str | bytes:
    count = max(len(data.categories), 1)
    if data.horizontal:
        fig, ax = plt.subplots(figsize=(7, 0.45 * count + 1.2))
    else:
        fig, ax = plt.subplots(figsize=(max(6, 0.6 * count + 2), 3.6))
    width = 0.8 / max(len(data.series), 1)
    positions = list(range(len(data.categories)))
    for index, series in enumerate(data.series):
        offsets = [p + (index - (len(data.series) - 1) / 2) * width for p in positions]
        colour = PALETTE[index % len(PALETTE)]
        if data.horizontal:
            bars = ax.barh(offsets, series.values, height=width, color=colour, label=series.name)
        else:
            bars = ax.bar(offsets, series.values, width=width, color=colour, label=series.name)
        ax.bar_label(bars, labels=[_number(v) for v in series.values], padding=2, fontsize=8)
    if data.horizontal:
        ax.set_yticks(positions, data.categories)
        ax.invert_yaxis()
        ax.set_xlabel(data.value_label)
    else:
        crowded = count > 6
        ax.set_xticks(positions, data.categories, rotation=30 if crowded else 0, ha="right" if crowded else "center")
        ax.set_ylabel(data.value_label)
    ax.set_title(data.title, loc="left", fontsize=11, fontweight="bold")
    if len(data.series) > 1:
        ax.legend(frameon=False)
    return _saved(fig, image_format)


LINE_STYLES = {
    "value": {"linewidth": 2.2, "marker": "o", "markersize": 5},
    "comparison": {"linewidth": 1.6, "marker": "s", "markersize": 4, "linestyle": (0, (1, 1))},
    "limit": {"linewidth": 1.2, "linestyle": (0, (6, 3)), "color": "#555555"},
    "centre": {"linewidth": 1.2, "linestyle": "-", "color": "#555555"},
    "target": {"linewidth": 1.6, "linestyle": (0, (2, 2)), "color": "#1d6b2a", "drawstyle": "steps-mid"},
}


def chart(kind: str, data: ChartData) -> Chart:
    """A bar or a line chart (``kind``) of the data, as SVG: what a document's figure draws."""
    return bar_chart(data) if kind == "bar" else line_chart(data)


def line_chart(data: ChartData) -> Chart:
    """A line chart over ordered categories (follow-up points): values, limits, centre line and targets, with
    the marked points ringed. The same function draws the indicator pages and the report documents."""
    return _cached_svg("line", data)


def _draw_lines(data: ChartData, image_format: str = "svg") -> str | bytes:
    fig, ax = plt.subplots(figsize=(max(6, 0.5 * len(data.categories) + 2), 3.8))
    positions = list(range(len(data.categories)))
    colour_index = 0
    for series in data.series:
        style = dict(LINE_STYLES.get(series.style, LINE_STYLES["value"]))
        if "color" not in style:
            style["color"] = PALETTE[colour_index % len(PALETTE)]
            colour_index += 1
        ys = [float("nan") if v is None else float(v) for v in series.values]
        ax.plot(positions, ys, label=series.name, **style)
        for index in series.marked:
            if series.values[index] is not None:
                ax.plot(
                    [index],
                    [float(series.values[index])],
                    marker="o",
                    markersize=13,
                    fillstyle="none",
                    color="#c0392b",
                    markeredgewidth=2,
                    linestyle="none",
                )
    values = [float(v) for series in data.series for v in series.values if v is not None]
    if values and min(values) >= 0:
        ax.set_ylim(bottom=0)  # a count or a share starts from zero, or a small change looks like a large one
    crowded = len(data.categories) > 8
    ax.set_xticks(positions, data.categories, rotation=45 if crowded else 0, ha="right" if crowded else "center")
    ax.set_ylabel(data.value_label)
    ax.set_title(data.title, loc="left", fontsize=11, fontweight="bold")
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return _saved(fig, image_format)
