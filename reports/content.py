"""A report as plain data: the document around its sections (core.document), stored and compared as JSON.

Every document (web preview, Word, PDF) is rendered from these objects, and a version stores them as JSON, so a
later version can say what changed. Nothing here touches the database.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from core import textgate
from core.charts import ChartData, Series
from core.document import Figure, Paragraph, Section, Source, Table


@dataclass
class Report:
    kind: str
    title: str
    subtitle: str
    organisation: str
    unit: str
    period: str
    sections: list[Section]
    sources: list[Source] = field(default_factory=list)
    front: dict[str, str] = field(default_factory=dict)  # tjänsteskrivelse fields and the like
    signatures: list[str] = field(default_factory=list)  # the tjänsteskrivelse's underskrifter, one per line
    attachments: list[str] = field(default_factory=list)  # its bilagor
    aggregates_only: bool = False

    def to_json(self) -> str:
        return json.dumps(to_dict(self), ensure_ascii=False, sort_keys=True, default=str)

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the content: two versions with the same fingerprint were built from the same data."""
        return hashlib.sha256(self.to_json().encode()).hexdigest()


BLOCKS = {"paragraph": Paragraph, "table": Table, "figure": Figure}


def block_type(block: Any) -> str:
    return {Paragraph: "paragraph", Table: "table", Figure: "figure"}[type(block)]


def to_dict(report: Report) -> dict:
    data = dataclasses.asdict(report)
    for section, original in zip(data["sections"], report.sections, strict=True):
        for block, block_object in zip(section["blocks"], original.blocks, strict=True):
            block["type"] = block_type(block_object)
    return data


def _printable(value: Any) -> Any:
    if isinstance(value, str):
        return textgate.printable(value)
    if isinstance(value, dict):
        return {k: _printable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_printable(v) for v in value)
    return value


def printable(report: Report) -> Report:
    """The report with every text made printable (``core.textgate``): whatever was stored in the records, Word,
    PDF and HTML can carry it, so a document never fails on one stray control character."""
    return from_dict(to_dict(report))


def from_dict(data: dict) -> Report:
    """A report back from its stored JSON (a version's content), every text printable."""
    data = _printable(data)
    sections = []
    for section in data["sections"]:
        blocks = []
        for block in section["blocks"]:
            kind = block.pop("type")
            if kind == "figure":
                chart = block["chart"]
                block["chart"] = ChartData(
                    **{**chart, "series": [Series(**s) for s in chart["series"]]},
                )
            blocks.append(BLOCKS[kind](**block))
        sections.append(Section(**{**section, "blocks": blocks}))
    return Report(**{**data, "sections": sections, "sources": [Source(**s) for s in data["sources"]]})


def changes(old: Report, new: Report) -> list[str]:
    """What changed between two versions, in words: sections added or removed, tables whose figures differ,
    texts that differ."""
    found: list[str] = []
    before = {s.key: s for s in old.sections}
    after = {s.key: s for s in new.sections}
    for key in after.keys() - before.keys():
        found.append(f"Nytt avsnitt: {after[key].heading}")
    for key in before.keys() - after.keys():
        found.append(f"Avsnittet har tagits bort: {before[key].heading}")
    for section in new.sections:
        earlier = before.get(section.key)
        if earlier is None:
            continue
        old_tables = {b.caption: b for b in earlier.blocks if isinstance(b, Table)}
        for block in section.blocks:
            if isinstance(block, Table):
                previous = old_tables.get(block.caption)
                if previous is None:
                    found.append(f"{section.heading}: ny tabell “{block.caption}”")
                elif previous.rows != block.rows:
                    cells = sum(
                        1
                        for a, b in zip(previous.rows, block.rows, strict=False)
                        for x, y in zip(a, b, strict=False)
                        if x != y
                    ) + abs(len(previous.rows) - len(block.rows))
                    found.append(f"{section.heading}: “{block.caption}” har {cells} ändrade värden")
        texts = [b.text for b in section.blocks if isinstance(b, Paragraph)]
        old_texts = [b.text for b in earlier.blocks if isinstance(b, Paragraph)]
        if texts != old_texts:
            found.append(f"{section.heading}: texten har ändrats")
    return found
