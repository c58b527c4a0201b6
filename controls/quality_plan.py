"""The kvalitetsplan's table per area (seed 003): Risk | Egenkontroll | Syfte | Åtgärder | Vad ska göras.

Assembled as plain data first, so the page, the Excel export and (later) the Word and PDF
documents show the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _


@dataclass
class PlanControl:
    title: str
    purpose: str
    plan: str
    url: str


@dataclass
class PlanRow:
    risk: str
    level: int | None
    band: str
    risk_url: str
    controls: list[PlanControl]
    actions: list[str]


@dataclass
class PlanArea:
    area: str
    rows: list[PlanRow] = field(default_factory=list)


def build(risks, controls, actions, year: int) -> list[PlanArea]:
    """Rows per area for the risks, controls and åtgärder given, each already scoped to the reader: a risk's linked
    controls and åtgärder are only those among them. Åtgärder open, due in ``year`` or completed in it (one done
    on 31 December but due in January belongs to the year it was done)."""
    relevant_actions = (actions.filter(Q(due_on__year=year) | Q(completed_on__year=year)) | actions.open()).order_by(
        "due_on", "title"
    )
    active_controls = controls.filter(is_active=True).order_by("title")
    risks = (
        risks.filter(is_active=True)
        .order_by("area", "-level", "title")
        .prefetch_related(
            Prefetch("controls", queryset=active_controls), Prefetch("actions", queryset=relevant_actions)
        )
    )
    areas: dict[str, PlanArea] = {}
    for risk in risks:
        area = areas.setdefault(risk.area, PlanArea(risk.area))
        area.rows.append(
            PlanRow(
                risk=risk.title,
                level=risk.level,
                band=risk.band,
                risk_url=risk.get_absolute_url(),
                controls=[PlanControl(c.title, c.purpose, c.plan, c.get_absolute_url()) for c in risk.controls.all()],
                actions=[a.title for a in risk.actions.all()],
            )
        )
    loose = controls.filter(is_active=True, risk__isnull=True).order_by("title")
    if loose:
        area = PlanArea(_("Self-inspections without a linked risk"))
        for c in loose:
            area.rows.append(
                PlanRow("", None, "", "", [PlanControl(c.title, c.purpose, c.plan, c.get_absolute_url())], [])
            )
        areas[area.area] = area
    return list(areas.values())


def sheet_rows(areas: list[PlanArea]) -> list[list[object]]:
    header = [
        _("Process or area"),
        _("Risk"),
        _("Risk level"),
        _("Self-inspection"),
        _("Purpose"),
        _("Actions"),
        _("What is to be done"),
    ]
    rows: list[list[object]] = [header]
    for area in areas:
        for row in area.rows:
            controls = row.controls or [PlanControl("", "", "", "")]
            for index, control in enumerate(controls):
                rows.append(
                    [
                        area.area,
                        row.risk if index == 0 else "",
                        row.level if index == 0 else "",
                        control.title,
                        control.purpose,
                        "; ".join(row.actions) if index == 0 else "",
                        control.plan,
                    ]
                )
    return rows
