"""The main navigation: sections of the årshjul with the pages each role may open.

Each module adds its pages here as a plain line; an entry shows only to users with access.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from django.urls import get_script_prefix, reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Membership, User
from actions.models import Action
from audit.models import AuditEntry
from casedata.models import Case, ImportBatch
from complaints.models import Complaint
from controls.models import Control, Review
from core.scope import Perm, can, has_access
from deviations.models import Deviation, RootCause, TargetTime
from finance.models import FinanceReport
from goals.models import FollowUpRound, Goal
from indicators.models import Indicator
from organisation.models import GraphicProfile, Period, Process, Routine, TargetGroup, Unit
from reports.models import Outline, ReportVersion, WordTemplate
from risks.models import Risk
from staff.models import StaffFigure
from surveys.models import Survey


@dataclass(frozen=True)
class NavItem:
    label: Any
    url_name: str
    model: Any = None
    handlers_only: bool = False  # shown only to those with a role over the records, not to owners
    whole_organisation: bool = False  # shown only to those who may change it for the whole organisation (a root role)


@dataclass(frozen=True)
class NavSection:
    label: Any
    items: tuple[NavItem, ...]


SECTIONS = (
    NavSection(
        _("Planning"),
        (
            NavItem(_("Risks"), "risks:list", Risk),
            NavItem(_("Risk matrix"), "risks:matrix", None),
            NavItem(_("Self-inspections"), "controls:list", Control),
            NavItem(_("Performed self-inspections"), "controls:run_list", Control),
            NavItem(_("Quality plan"), "controls:quality_plan", Control),
            NavItem(_("Reviews and follow-ups"), "controls:review_list", Review),
            NavItem(_("Year wheel"), "yearwheel", None),
        ),
    ),
    NavSection(
        _("Goals and follow-up"),
        (
            NavItem(_("Operational plan"), "goals:tree", Goal),
            NavItem(_("Goals and indicators at a glance"), "goals:dashboard", None),
            NavItem(_("Follow-up rounds"), "goals:round_list", FollowUpRound),
            NavItem(_("My goal reports"), "goals:my_reports", None),
            NavItem(_("Indicators"), "indicators:list", Indicator),
            NavItem(_("Case data"), "casedata:list", ImportBatch),
            NavItem(_("Decisions not carried out"), "casedata:not_carried_out", Case),
            NavItem(_("Finance"), "finance:list", FinanceReport),
            NavItem(_("User surveys"), "surveys:list", Survey),
            NavItem(_("Staff"), "staff:list", StaffFigure),
        ),
    ),
    NavSection(
        _("Improvement"),
        (
            NavItem(_("Report a deviation"), "deviations:report", None),
            NavItem(_("Deviations"), "deviations:list", Deviation, handlers_only=True),
            NavItem(_("My reports"), "deviations:mine", None),
            NavItem(_("Comments and complaints"), "complaints:list", Complaint, handlers_only=True),
            NavItem(_("Deviation statistics"), "deviations:statistics", None),
            NavItem(_("Recurring themes"), "deviations:themes", Deviation, handlers_only=True),
            NavItem(_("Complaint statistics"), "complaints:statistics", None),
            NavItem(_("Improvement actions"), "actions:list", Action),
            NavItem(_("My improvement actions"), "actions:mine", None),
        ),
    ),
    NavSection(
        _("Reports"),
        (
            NavItem(_("Reports to the committee"), "reports:home", ReportVersion),
            NavItem(_("Word templates"), "reports:template_list", WordTemplate),
            NavItem(_("Outlines of the documents"), "reports:outline_list", Outline),
            NavItem(_("Graphic profile"), "organisation:profile", GraphicProfile, whole_organisation=True),
        ),
    ),
    NavSection(
        _("Organisation"),
        (
            NavItem(_("Units"), "organisation:unit_list", Unit),
            NavItem(_("Processes"), "organisation:process_list", Process),
            NavItem(_("Routines"), "organisation:routine_list", Routine),
            NavItem(_("Target groups"), "organisation:targetgroup_list", TargetGroup),
            NavItem(_("Follow-up years"), "organisation:period_list", Period),
        ),
    ),
    NavSection(
        _("Administration"),
        (
            NavItem(_("People"), "accounts:person_list", User),
            NavItem(_("Roles"), "accounts:membership_list", Membership),
            NavItem(_("Log review"), "audit:log", AuditEntry),
            NavItem(_("Root causes"), "deviations:rootcause_list", RootCause, handlers_only=True),
            NavItem(_("Target times"), "deviations:targettime_list", TargetTime, handlers_only=True),
            NavItem(_("API documentation"), "api_docs"),
        ),
    ),
)


@functools.cache
def _address(url_name: str, script_prefix: str) -> str:
    """A menu entry's address: the same for every request served under one script prefix, so reversed once."""
    return reverse(url_name)


def navigation_for(user: Any, current_path: str) -> list[dict[str, Any]]:
    sections = []
    for section in SECTIONS:
        items = []
        for item in section.items:
            if item.model is not None and not has_access(user, Perm.VIEW, item.model):
                continue
            if item.handlers_only and not has_access(user, Perm.CHANGE, item.model):
                continue
            if item.whole_organisation and not can(user, Perm.CHANGE, item.model, None):
                continue
            url = _address(item.url_name, get_script_prefix())
            items.append({"label": item.label, "url": url, "current": False})
        if items:
            sections.append({"label": section.label, "items": items})
    # Only the most specific entry is the current page ("/avvikelser/statistik/", not also "/avvikelser/").
    matches = [i for s in sections for i in s["items"] if current_path.startswith(i["url"])]
    if matches:
        max(matches, key=lambda i: len(i["url"]))["current"] = True
    return sections
