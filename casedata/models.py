"""Ärendedata: pseudonymous case records imported from the case management system, the ground of the
computed indicators. No personnummer and no name is ever stored: the source's case id is kept as a keyed hash."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.choices import ADMINS, CHIEFS, Role
from core.models import BaseRecord
from core.scope import Access, ScopedQuerySet

from . import rules
from .choices import CaseGender, CaseKind, JobStatus

CASE_READERS = CHIEFS | ADMINS | {Role.KVALITETSUTVECKLARE}
IMPORTERS = ADMINS | {Role.KVALITETSUTVECKLARE}


class ImportBatch(BaseRecord):
    """One import of ärendedata: the file, who imported it, the period and units it replaced, and its counts."""

    file_name = models.CharField(_("file"), max_length=255)
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    rows = models.PositiveIntegerField(_("rows imported"))
    replaced = models.PositiveIntegerField(_("rows replaced"), default=0)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("imported by"), null=True, on_delete=models.PROTECT, related_name="+"
    )

    access: ClassVar[Access] = Access(view=CASE_READERS, change=IMPORTERS)

    class Meta:
        verbose_name = _("case data import")
        verbose_name_plural = _("case data imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.rows})"


class ImportJob(BaseRecord):
    """An uploaded file of ärendedata and its import in the background: the file kept on disk (never held in a
    request), the rows read so far, and the outcome — the import, every row error, or what it would replace
    until the person confirms. A job whose worker died is shown as failed and can be run again."""

    file = models.FileField(_("file"), upload_to="imports/")
    file_name = models.CharField(_("file"), max_length=255)
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    mapping = models.ForeignKey(
        "ColumnMapping", verbose_name=_("column mapping"), null=True, blank=True, on_delete=models.PROTECT
    )
    replace_from = models.DateField(_("replace from"), null=True, blank=True)
    replace_to = models.DateField(_("replace to"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    rows_read = models.PositiveIntegerField(_("rows read"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    overlap = models.JSONField(_("would replace"), null=True, blank=True)
    # What the import set going once done: {"years_made": [2025], "results": 412} (compute.after_import).
    outcome = models.JSONField(_("outcome"), default=dict, blank=True)
    batch = models.ForeignKey(ImportBatch, verbose_name=_("import"), null=True, blank=True, on_delete=models.PROTECT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), null=True, on_delete=models.PROTECT, related_name="+"
    )

    access: ClassVar[Access] = Access(view=IMPORTERS, change=IMPORTERS)
    owner_fields: ClassVar[tuple[str, ...]] = ("created_by",)
    audit_exclude = BaseRecord.audit_exclude | {"rows_read", "errors", "overlap"}

    class Meta:
        verbose_name = _("case data upload")
        verbose_name_plural = _("case data uploads")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.file_name

    def get_absolute_url(self) -> str:
        return reverse("casedata:job", args=[self.pk])

    @property
    def replace_period(self):
        return (self.replace_from, self.replace_to) if self.replace_from and self.replace_to else None

    @property
    def is_stalled(self) -> bool:
        """Queued or running with no sign of life for long: its worker died (``rules.is_stalled``)."""
        return rules.is_stalled(self.status, self.updated_at, timezone.now())

    @property
    def status_text(self) -> str:
        return str(JobStatus.FAILED.label) if self.is_stalled else self.get_status_display()


class CurrentCaseManager(models.Manager.from_queryset(ScopedQuerySet)):
    """Cases that no later import has replaced."""

    def get_queryset(self):
        return super().get_queryset().filter(superseded_by__isnull=True)


class Case(BaseRecord):
    """One ärende as the source system had it, under a pseudonymous key."""

    # Not indexed: nothing looks a case up by its key, and random keys make every bulk insert slow.
    case_key = models.CharField(_("pseudonymous case id"), max_length=64)
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+", db_index=False
    )  # the (unit, started_on) index below serves lookups by unit
    kind = models.CharField(_("kind"), max_length=20, choices=CaseKind.choices)
    started_on = models.DateField(_("start"))
    ended_on = models.DateField(_("end"), null=True, blank=True)
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    executed_on = models.DateField(_("carried out on"), null=True, blank=True)
    interrupted_on = models.DateField(_("carrying out interrupted on"), null=True, blank=True)
    resumed_on = models.DateField(_("carried out again on"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=1, choices=CaseGender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=100, blank=True)
    extended = models.BooleanField(_("extended by decision"), default=False)
    intervention_during = models.BooleanField(_("intervention during the investigation"), default=False)
    batch = models.ForeignKey(ImportBatch, verbose_name=_("import"), on_delete=models.PROTECT, related_name="cases")
    # A re-import that replaces a period keeps the earlier copy, marked with the import that replaced it.
    superseded_by = models.ForeignKey(
        ImportBatch,
        verbose_name=_("replaced by import"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_cases",
    )

    access: ClassVar[Access] = Access(view=CASE_READERS, change=IMPORTERS)
    sensitive: ClassVar[bool] = True

    # The current cases only: every indicator, list and report counts these. ``all_versions`` also has the
    # superseded copies, which are kept so that a replacement can be traced and undone.
    objects = CurrentCaseManager()
    all_versions = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["started_on", "id"]
        indexes = [models.Index(fields=["kind", "ended_on"]), models.Index(fields=["unit", "started_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_key[:10]}"


class ColumnMapping(BaseRecord):
    """A saved preset that adapts another system's export to the canonical format: which of its columns is
    which canonical column, and which of its values means which canonical value (e.g. "Barnavårdsutredning"
    → utredning_barn). Chosen on the upload page or with ``import_casedata --mapping NAME``."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    columns = models.JSONField(_("columns"), default=dict, blank=True)  # {canonical: the file's column}
    values = models.JSONField(_("values"), default=dict, blank=True)  # {canonical column: {file value: canonical}}
    is_active = models.BooleanField(_("in use"), default=True)

    access: ClassVar[Access] = Access(view=IMPORTERS, change=IMPORTERS)

    class Meta:
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("casedata:mapping_update", args=[self.pk])
