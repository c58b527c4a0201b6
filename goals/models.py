"""The verksamhetsplan: a goal tree per year, follow-up rounds, and each responsible's report per round."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.choices import ADMINS, CHIEFS, STAFF, Role
from audit.choices import Event
from core.models import BaseRecord, TextGated, jsonable
from core.scope import EVERYONE, Access, Perm, can
from core.workflow import StatusChangeBase, TransitionRefused, WorkflowMixin

from . import rules
from .choices import Assessment, GoalKind, QualityArea, RoundStatus

PLANNERS = ADMINS | {Role.KVALITETSUTVECKLARE}
REPORTERS = CHIEFS | PLANNERS | {Role.PROCESSAGARE, Role.MAS}


class Goal(BaseRecord):
    """A node of the year's goal tree: fokusområde, långsiktigt mål, årsmål, uppdrag, kvalitetsmål or
    utvecklingsområde, with its responsible, the units it concerns and the indicators that follow it."""

    year = models.PositiveSmallIntegerField(_("year"), db_index=True)
    kind = models.CharField(_("kind"), max_length=20, choices=GoalKind.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("part of"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    quality_area = models.CharField(_("quality area"), max_length=20, choices=QualityArea.choices, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="goals",
    )
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="goals"
    )
    units = models.ManyToManyField(
        "organisation.Unit",
        verbose_name=_("units concerned"),
        blank=True,
        related_name="+",
        help_text=_("Each reports its own bedömning (samlad bedömning, orsak, åtgärd). Left empty: the unit above."),
    )
    indicators = models.ManyToManyField(
        "indicators.Indicator", verbose_name=_("indicators"), blank=True, related_name="goals"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    access: ClassVar[Access] = Access(view=EVERYONE, change=PLANNERS)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["year", "order", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("goals:detail", args=[self.pk])

    def clean(self) -> None:
        parent = self.parent if self.parent_id else None
        if parent is not None and parent.year != self.year:
            raise ValidationError({"parent": gettext("The goal above must belong to the same year.")})
        if self.kind and not rules.may_contain(parent.kind if parent else None, self.kind):
            raise ValidationError(
                {
                    "parent": gettext("A %(kind)s cannot be placed here in the goal tree.")
                    % {"kind": GoalKind(self.kind).label.lower()}
                }
            )
        if self.kind == GoalKind.QUALITY and not self.quality_area:
            raise ValidationError({"quality_area": gettext("Choose which of the six quality areas the goal concerns.")})

    def reporting_units(self) -> list[Any]:
        """The units that report on the goal: those it concerns, or else its own unit."""
        return list(self.units.all()) or [self.unit]


def copy_year(year: int, within: Any = None) -> int:
    """Copy the goal tree of ``year`` (the goals of ``within``'s subtree, or all) to the next year: the same
    nodes, units and indicators, no reports. Refused if that part of the next year already has goals, so a
    second click does not double the plan."""
    goals = Goal.objects.filter(year=year)
    if within is not None:
        goals = goals.filter(unit__path__startswith=within.path)
    if Goal.objects.filter(year=year + 1, unit__in=goals.values("unit")).exists():
        raise ValidationError(gettext("%(year)d already has goals; nothing was copied.") % {"year": year + 1})
    copies: dict[int, Goal] = {}
    with transaction.atomic():
        # Parents before children: a node's parent is always created earlier in the tree order.
        for goal in tree(goals):
            node = goal.node
            copy = Goal.objects.create(
                year=year + 1,
                kind=node.kind,
                parent=copies.get(node.parent_id),
                title=node.title,
                description=node.description,
                quality_area=node.quality_area,
                responsible=node.responsible,
                unit=node.unit,
                order=node.order,
                copied_from=node,
            )
            copy.units.set(node.units.all())
            copy.indicators.set(node.indicators.all())
            copies[node.pk] = copy
    return len(copies)


class TreeRow:
    """A goal with its depth in the tree, for lists that show the hierarchy."""

    def __init__(self, node: Goal, depth: int):
        self.node, self.depth = node, depth


def tree(goals) -> list[TreeRow]:
    """The goals in tree order (each parent followed by its children), with depth; one query."""
    nodes = list(goals)
    children: dict[int | None, list[Goal]] = {}
    ids = {g.pk for g in nodes}
    for goal in nodes:
        children.setdefault(goal.parent_id if goal.parent_id in ids else None, []).append(goal)
    out: list[TreeRow] = []

    def walk(parent: int | None, depth: int) -> None:
        for goal in sorted(children.get(parent, []), key=lambda g: (g.order, g.pk)):
            out.append(TreeRow(goal, depth))
            walk(goal.pk, depth + 1)

    walk(None, 0)
    return out


class FollowUpRound(WorkflowMixin, BaseRecord):
    """The follow-up of the verksamhetsplan at one point (T1, T2, helår …): open for reporting, approved by
    the kvalitetsutvecklare, then locked once reported to the nämnd."""

    point = models.ForeignKey(
        "organisation.FollowUpPoint", verbose_name=_("follow-up point"), on_delete=models.PROTECT, related_name="rounds"
    )
    unit = models.ForeignKey(
        "organisation.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The goals of this unit and the units under it are followed up."),
    )
    status = models.CharField(_("status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    deadline = models.DateField(_("report by"), null=True, blank=True)
    reported_to_committee_on = models.DateField(_("reported to the committee on"), null=True, blank=True)

    TRANSITIONS: ClassVar[dict[str, set[str]]] = {
        RoundStatus.OPEN: {RoundStatus.APPROVED},
        RoundStatus.APPROVED: {RoundStatus.OPEN, RoundStatus.LOCKED},
        RoundStatus.LOCKED: set(),
    }
    access: ClassVar[Access] = Access(view=EVERYONE, change=PLANNERS)

    class Meta:
        verbose_name = _("follow-up round")
        verbose_name_plural = _("follow-up rounds")
        ordering = ["-point__ends_on", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["point", "unit"], name="one_round_per_point_and_unit")]

    def __str__(self) -> str:
        return gettext("Follow-up %(point)s") % {"point": self.point}

    def get_absolute_url(self) -> str:
        return reverse("goals:round_detail", args=[self.pk])

    @property
    def year(self) -> int:
        return self.point.period.year

    @property
    def is_locked(self) -> bool:
        return self.status == RoundStatus.LOCKED

    def expected(self) -> list[tuple[Goal, Any]]:
        """Every (goal, unit) that must report in this round: the year's goals with a responsible, except
        the fokusområden (which are headings), each for every unit it concerns."""
        goals = (
            Goal.objects.filter(year=self.year, unit__path__startswith=self.unit.path)
            .exclude(kind=GoalKind.FOCUS_AREA)
            .select_related("unit", "responsible")
            .prefetch_related("units")
        )
        return [(goal, unit) for goal in goals for unit in goal.reporting_units()]

    def missing(self) -> list[tuple[Goal, Any]]:
        done = set(self.reports.values_list("goal_id", "unit_id"))
        return [(goal, unit) for goal, unit in self.expected() if (goal.pk, unit.pk) not in done]

    def guard_transition(self, new: str, *, by: Any, note: str) -> None:
        if new == RoundStatus.APPROVED:
            missing = len(self.missing())
            if missing:
                raise TransitionRefused(
                    gettext("%(count)d reports are still missing; see who has not reported.") % {"count": missing}
                )
        if new == RoundStatus.LOCKED:
            self.reported_to_committee_on = self.reported_to_committee_on or timezone.localdate()


class RoundStatusChange(StatusChangeBase):
    round = models.ForeignKey(FollowUpRound, on_delete=models.PROTECT, related_name="status_changes")


class RoundLocked(ValidationError):
    """A change to a report of a locked round that was not recorded as a correction."""


class GoalReport(BaseRecord):
    """One goal's follow-up at one round for one unit: the bedömning, with samlad bedömning, orsak and åtgärd."""

    round = models.ForeignKey(
        FollowUpRound, verbose_name=_("follow-up round"), on_delete=models.PROTECT, related_name="reports"
    )
    goal = models.ForeignKey(Goal, verbose_name=_("goal"), on_delete=models.PROTECT, related_name="reports")
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    assessment = models.CharField(_("assessment"), max_length=20, choices=Assessment.choices)
    overall = models.TextField(_("overall assessment"), blank=True)
    cause = models.TextField(_("cause"), blank=True)
    action = models.TextField(_("action"), blank=True)
    comment = models.TextField(_("comment"), blank=True)
    suggested = models.CharField(
        _("suggested assessment"), max_length=20, choices=Assessment.choices, blank=True, editable=False
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    access: ClassVar[Access] = Access(view=STAFF | {Role.NAMNDLEDAMOT}, change=REPORTERS)
    owner_fields: ClassVar[tuple[str, ...]] = ("reported_by",)
    audit_exclude = BaseRecord.audit_exclude | {"suggested"}

    class Meta:
        verbose_name = _("goal report")
        verbose_name_plural = _("goal reports")
        ordering = ["round", "goal__order", "goal_id", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["round", "goal", "unit"], name="one_report_per_goal_and_unit")]

    def __str__(self) -> str:
        return f"{self.goal} – {self.unit} ({self.round.point})"

    def get_absolute_url(self) -> str:
        return reverse("goals:report", args=[self.round_id, self.goal_id, self.unit_id])

    def clean(self) -> None:
        if self.goal_id and self.assessment and self.assessment not in rules.assessments_for(self.goal.kind):
            raise ValidationError({"assessment": gettext("Choose one of the assessments offered for this goal.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.round.is_locked and not getattr(self, "_correction", False):
            raise RoundLocked(
                gettext("The follow-up has been reported to the committee; a change must be recorded as a correction.")
            )
        self.clean()
        super().save(*args, **kwargs)

    def correct(self, *, by: Any, reason: str, **changes: Any) -> GoalReportCorrection:
        """Change a report of a locked round, keeping what it said, who changed it and why."""
        if not reason.strip():
            raise ValidationError({"reason": gettext("Say why the report is corrected.")})
        before = {name: jsonable(getattr(self, name)) for name in changes}
        for name, value in changes.items():
            setattr(self, name, value)
        with transaction.atomic():
            self._correction, self._audit_action, self._audit_note = True, Event.UPDATE, reason
            try:
                self.save()
            finally:
                self._correction = False
            return self.corrections.create(
                reason=reason,
                changes={
                    name: [before[name], jsonable(value)]
                    for name, value in changes.items()
                    if before[name] != jsonable(value)
                },
                corrected_by=by,
            )


def may_report(user: Any, goal: Goal, unit: Any) -> bool:
    """Whether ``user`` reports for ``goal`` at ``unit``: its responsible, or a reporter role over the unit."""
    return goal.responsible_id == user.pk or can(user, Perm.CHANGE, GoalReport, unit)


class GoalReportCorrection(TextGated):
    """A correction of a report after its round was locked: what changed, from what, by whom and why."""

    report = models.ForeignKey(GoalReport, on_delete=models.PROTECT, related_name="corrections")
    reason = models.TextField(_("reason"))
    changes = models.JSONField(_("changes"), default=dict)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("corrected by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    corrected_at = models.DateTimeField(_("corrected at"), auto_now_add=True)

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["corrected_at", "id"]

    def __str__(self) -> str:
        return f"{self.report} {self.corrected_at:%Y-%m-%d}"


def suggested_for(goal: Goal, unit: Any, point: Any) -> str:
    """The suggested bedömning of ``goal`` at ``unit`` for ``point``: its indicators' utfall (total) against the
    year's etappmål for the unit, or for the whole committee. Two queries."""
    from indicators.models import Result, Target

    indicators = list(goal.indicators.all())
    values = dict(
        Result.objects.filter(indicator__in=indicators, point=point, unit=unit, gender="T").values_list(
            "indicator_id", "value"
        )
    )
    targets: dict[int, Any] = {}
    for target in Target.objects.filter(indicator__in=indicators, year=point.period.year).order_by("unit_id"):
        if target.unit_id == unit.pk or (target.unit_id is None and target.indicator_id not in targets):
            targets[target.indicator_id] = target.value
    return rules.suggested_assessment((values.get(i.pk), targets.get(i.pk), i.better) for i in indicators)
