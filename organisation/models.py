"""The organisation: the unit tree, processes, target groups and follow-up periods."""

from __future__ import annotations

import base64
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.choices import ADMINS, CHIEFS, STAFF, Role
from core.models import BaseRecord, TextGated
from core.scope import EVERYONE, Access, Perm, ScopedQuerySet, held_and_above

from . import rules
from .choices import PeriodScheme, ProcessKind, UnitKind

ROUTINE_EDITORS = CHIEFS | ADMINS | {Role.KVALITETSUTVECKLARE, Role.PROCESSAGARE, Role.MAS}

code_validator = RegexValidator(
    r"^[A-Za-z0-9ÅÄÖåäö_.-]+$", _("Use letters, digits, dot, dash or underscore only, no spaces.")
)


class Unit(BaseRecord):
    """A node of the organisation tree: nämnd → förvaltning → verksamhetsområde/sektion → enhet.

    ``path`` is the materialised path of primary keys ("/1/4/9/"), so a subtree is one
    ``startswith`` filter; it is derived from ``parent`` on save.
    """

    code = models.CharField(_("code"), max_length=40, unique=True, validators=[code_validator])
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("level"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=0)

    access: ClassVar[Access] = Access(view=EVERYONE, change=ADMINS)
    scope_path: ClassVar[str] = "path"
    audit_exclude = BaseRecord.audit_exclude | {"path", "depth"}
    text_gate_exempt = frozenset({"path"})

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisation:unit_detail", args=[self.pk])

    def scope_unit(self) -> Unit:
        return self

    def clean(self) -> None:
        if self.parent_id and self.pk and (self.parent_id == self.pk or self.parent.path.startswith(self.path)):
            raise ValidationError({"parent": _("A unit cannot be placed under itself or one of its own units.")})
        if self.parent is None and self.kind != UnitKind.NAMND:
            raise ValidationError({"parent": _("Only a committee can be at the top of the tree.")})

    def save(self, *args: Any, **kwargs: Any) -> None:
        with transaction.atomic():
            old_path = self.path
            super().save(*args, **kwargs)
            parent_path = self.parent.path if self.parent_id else "/"
            new_path = f"{parent_path}{self.pk}/"
            if new_path != old_path:
                depth = new_path.count("/") - 2
                Unit.objects.filter(pk=self.pk).update(path=new_path, depth=depth)
                self.path, self.depth = new_path, depth
                if old_path:
                    # Moved: re-root the subtree (few rows; units number in the hundreds at most).
                    for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                        child_path = new_path + child.path[len(old_path) :]
                        Unit.objects.filter(pk=child.pk).update(path=child_path, depth=child_path.count("/") - 2)

    def ancestors(self) -> models.QuerySet[Unit]:
        ids = [int(p) for p in self.path.strip("/").split("/")[:-1] if p]
        return Unit.objects.filter(pk__in=ids).order_by("depth")

    def committee(self) -> Unit:
        """The nämnd this unit answers to: the nearest unit of kind nämnd at or above it, else the tree's root. A
        document about any unit is the nämnd's decision and goes to it."""
        line = [*self.ancestors(), self]
        return next((u for u in reversed(line) if u.kind == UnitKind.NAMND), line[0])

    def subtree(self) -> models.QuerySet[Unit]:
        return Unit.objects.filter(path__startswith=self.path)


class TargetGroup(BaseRecord):
    """A målgrupp the nämnd serves (barn och unga, vuxna med missbruk, personer med funktionsnedsättning…)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    access: ClassVar[Access] = Access(view=EVERYONE, change=ADMINS)
    scope_path: ClassVar[None] = None

    class Meta:
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisation:targetgroup_list")


class Process(BaseRecord):
    """A process of the ledningssystem (SOSFS 2011:9 4 kap.): huvud-, stöd- or ledningsprocess."""

    code = models.CharField(_("code"), max_length=40, unique=True, validators=[code_validator])
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=ProcessKind.choices, default=ProcessKind.HUVUD)
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="processes")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("process owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_processes",
    )
    description = models.TextField(_("description"), blank=True)
    target_groups = models.ManyToManyField(TargetGroup, verbose_name=_("target groups"), blank=True)
    established_on = models.DateField(_("adopted on"), null=True, blank=True)
    established_by = models.CharField(_("adopted by"), max_length=200, blank=True)
    next_review_on = models.DateField(
        _("next review"), null=True, blank=True, help_text=_("Left empty: twelve months after adoption.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    access: ClassVar[Access] = Access(view=EVERYONE, change=ADMINS)

    class Meta:
        verbose_name = _("process")
        verbose_name_plural = _("processes")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisation:process_detail", args=[self.pk])

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.next_review_on is None and self.established_on is not None:
            self.next_review_on = rules.next_process_review(self.established_on)
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.sync_review_control()

    def sync_review_control(self) -> None:
        """Keep the process's yearly review as a recurring egenkontroll (method: process review) in step with
        the process: its unit, its owner as responsible, and the next review date until it is first done."""
        # controls builds on organisation, so the import is here rather than at the top.
        from controls.choices import Cadence, Method
        from controls.models import Control

        control = Control.objects.filter(process=self).first()
        if control is None:
            if not self.is_active:
                return
            with translation.override(settings.LANGUAGE_CODE):
                control = Control(
                    process=self,
                    method=Method.PROCESS_REVIEW,
                    cadence=Cadence.YEARLY,
                    title=gettext("Yearly review of the process “%(name)s”") % {"name": self.name},
                    purpose=gettext(
                        "To keep the process and its routines up to date and fit for purpose (SOSFS 2011:9 4 kap.)."
                    ),
                )
        if control.pk is None or not control.runs.exists():
            control.first_due_on = self.next_review_on or rules.next_process_review(timezone.localdate())
        control.unit_id, control.responsible_id, control.is_active = self.unit_id, self.owner_id, self.is_active
        control.save()

    def review_done(self, on) -> None:
        """A review of the process was performed on ``on``: the next one is due a year later."""
        self.next_review_on = rules.next_process_review(on)
        self.save()


class Period(BaseRecord):
    """A year of follow-up with its follow-up points (T1, T2, VB …)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    scheme = models.CharField(_("follow-up scheme"), max_length=20, choices=PeriodScheme.choices)

    access: ClassVar[Access] = Access(view=EVERYONE, change=ADMINS)
    scope_path: ClassVar[None] = None

    class Meta:
        verbose_name = _("follow-up year")
        verbose_name_plural = _("follow-up years")
        ordering = ["-year"]

    def __str__(self) -> str:
        return str(self.year)

    def get_absolute_url(self) -> str:
        return reverse("organisation:period_detail", args=[self.pk])

    def create_default_points(self) -> None:
        for order, spec in enumerate(rules.default_follow_up_points(self.year, self.scheme), start=1):
            FollowUpPoint.objects.create(
                period=self,
                code=spec.code,
                name=spec.name,
                starts_on=spec.starts_on,
                ends_on=spec.ends_on,
                order=order,
            )


class FollowUpPoint(BaseRecord):
    """An uppföljningstillfälle of a year: its code, the dates it covers and when it is reported."""

    period = models.ForeignKey(Period, verbose_name=_("year"), on_delete=models.PROTECT, related_name="points")
    code = models.CharField(_("code"), max_length=10)
    name = models.CharField(_("name"), max_length=100)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    report_due_on = models.DateField(_("report due"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=1)

    access: ClassVar[Access] = Access(view=EVERYONE, change=ADMINS)
    scope_path: ClassVar[None] = None

    class Meta:
        verbose_name = _("follow-up point")
        verbose_name_plural = _("follow-up points")
        ordering = ["period__year", "order", "ends_on"]
        constraints = [models.UniqueConstraint(fields=["period", "code"], name="unique_point_code_per_year")]

    def __str__(self) -> str:
        return f"{self.code} {self.period.year}"

    @classmethod
    def reported_at(cls, day) -> FollowUpPoint | None:
        """The follow-up point at which something that happened on ``day`` is reported: the earliest-ending
        point that covers the day (points are cumulative, so 10 March belongs to T1 and 1 June to T2)."""
        return cls.objects.filter(starts_on__lte=day, ends_on__gte=day).order_by("ends_on", "order").first()

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date must not be before the start date.")})


class RoutineQuerySet(ScopedQuerySet):
    def visible_to(self, user: Any, perm: Perm = Perm.VIEW) -> RoutineQuerySet:
        """As every record, plus (for reading) the rutiner of the units above the person's: they apply downward."""
        visible = super().visible_to(user, perm)
        if perm != Perm.VIEW or not getattr(user, "is_authenticated", False):
            return visible
        above = held_and_above(user, STAFF)
        return (visible | self.filter(unit_id__in=above)).order_by(*self.model._meta.ordering)


class Routine(BaseRecord):
    """A rutin of a process (SOSFS 2011:9 4 kap. 3 §): its versions, who adopted them, and who has read them."""

    process = models.ForeignKey(Process, verbose_name=_("process"), on_delete=models.PROTECT, related_name="routines")
    title = models.CharField(_("title"), max_length=300)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("applies to"),
        on_delete=models.PROTECT,
        related_name="routines",
        help_text=_("The unit whose staff (including its sub-units) follow the routine."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_routines",
    )
    legal_source = models.CharField(_("legal source"), max_length=300, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    access: ClassVar[Access] = Access(view=STAFF, change=ROUTINE_EDITORS)

    objects = RoutineQuerySet.as_manager()

    class Meta:
        verbose_name = _("routine")
        verbose_name_plural = _("routines")
        ordering = ["process__code", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("organisation:routine_detail", args=[self.pk])

    def current_version(self) -> RoutineVersion | None:
        return self.versions.order_by("-number").first()

    def add_version(
        self, *, text: str = "", file=None, adopted_by: str, adopted_on, next_review_on=None, by=None
    ) -> RoutineVersion:
        """A new version; the earlier ones stay readable and their read confirmations stay with them."""
        if not (text.strip() or file):
            raise ValidationError({"text": _("Write the text of the routine or attach a document.")})
        with transaction.atomic():
            last = self.versions.select_for_update().order_by("-number").first()
            return RoutineVersion.objects.create(
                routine=self,
                number=(last.number + 1) if last else 1,
                text=text,
                file=file or "",
                adopted_by=adopted_by,
                adopted_on=adopted_on,
                next_review_on=next_review_on or rules.next_process_review(adopted_on),
                created_by=by,
            )


def routine_file_path(version: RoutineVersion, filename: str) -> str:
    """Where an attached rutin document is stored: per rutin and version, under a sanitised name."""
    return f"rutiner/{version.routine_id}/v{version.number}/{get_valid_filename(filename)}"


class RoutineVersion(TextGated):
    """One adopted version of a rutin: its text, an attached document, or both. Never changed: a change is a
    new version."""

    routine = models.ForeignKey(Routine, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("text"), blank=True)
    file = models.FileField(_("document"), upload_to=routine_file_path, max_length=300, blank=True)
    adopted_by = models.CharField(_("adopted by"), max_length=200)
    adopted_on = models.DateField(_("adopted on"))
    next_review_on = models.DateField(_("next review"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("routine version")
        verbose_name_plural = _("routine versions")
        ordering = ["routine", "-number"]
        constraints = [models.UniqueConstraint(fields=["routine", "number"], name="unique_routine_version")]

    def __str__(self) -> str:
        return f"{self.routine} v{self.number}"

    @property
    def file_name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""

    def get_file_url(self) -> str:
        return reverse("organisation:routine_file", args=[self.routine_id, self.number]) if self.file else ""


class ReadConfirmation(models.Model):
    """ "Läst och förstått": a person confirms having read a version (SoL 2025:400 27 kap. 3 §: staff are informed)."""

    version = models.ForeignKey(RoutineVersion, on_delete=models.PROTECT, related_name="confirmations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="read_confirmations")
    confirmed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("read confirmation")
        verbose_name_plural = _("read confirmations")
        constraints = [models.UniqueConstraint(fields=["version", "user"], name="unique_read_confirmation")]

    def __str__(self) -> str:
        return f"{self.user} – {self.version}"


colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Write the colour as # and six hexadecimal digits, e.g. #1f4e79.")
)


class GraphicProfile(BaseRecord):
    """The municipality's graphic profile: its logo, colours and font, uploaded once and used on the cover, the
    header and footer of every generated document (the default Word template, the PDF, the HTML download) and in
    the web preview. One per installation; until it is saved, the defaults below apply."""

    DEFAULT_PRIMARY = "#1f4e79"
    DEFAULT_ACCENT = "#e8eef2"
    DEFAULT_FONT = "DejaVu Sans"

    logo = models.BinaryField(_("logo"), blank=True, default=b"", editable=False)
    logo_type = models.CharField(_("logo format"), max_length=20, blank=True, editable=False)
    primary_colour = models.CharField(
        _("colour of headings"), max_length=7, default=DEFAULT_PRIMARY, validators=[colour_validator]
    )
    accent_colour = models.CharField(
        _("colour behind table headers"), max_length=7, default=DEFAULT_ACCENT, validators=[colour_validator]
    )
    font = models.BinaryField(_("font file"), blank=True, default=b"", editable=False)
    font_family = models.CharField(_("font"), max_length=100, default=DEFAULT_FONT, editable=False)

    access: ClassVar[Access] = Access(view=EVERYONE, change=ADMINS | {Role.KVALITETSUTVECKLARE})
    scope_path: ClassVar[None] = None
    audit_redact = frozenset({"logo", "font"})
    text_gate_exempt = frozenset({"logo_type"})

    class Meta:
        verbose_name = _("graphic profile")
        verbose_name_plural = _("graphic profiles")

    def __str__(self) -> str:
        return gettext("Graphic profile")

    def get_absolute_url(self) -> str:
        return reverse("organisation:profile")

    @classmethod
    def current(cls) -> GraphicProfile:
        """The saved profile, or an unsaved one with the defaults (nothing uploaded yet)."""
        return cls.objects.order_by("pk").first() or cls()

    @property
    def logo_data_uri(self) -> str:
        """The logo as a ``data:`` URI (the documents are self-contained), or "" without a logo."""
        if not self.logo:
            return ""
        return f"data:{self.logo_type};base64,{base64.b64encode(bytes(self.logo)).decode()}"
