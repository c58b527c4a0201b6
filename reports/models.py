"""Reports: the texts authors write beside the data, the Word templates, and every generated version."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.choices import ADMINS, CHIEFS, STAFF, Role
from audit.choices import Event
from core.models import AuditedModel, BaseRecord
from core.scope import Access, Perm, ScopedQuerySet, holds, within_held

from .choices import ReportKind, VersionStatus, WhenEmpty

AUTHORS = ADMINS | CHIEFS | {Role.KVALITETSUTVECKLARE}
READERS = STAFF | {Role.NAMNDLEDAMOT}


def record_reader(user: Any, unit: Any) -> bool:
    """Whether ``user`` may read a document's record-level text (risk comments, egenkontroll results, åtgärd
    follow-ups) for ``unit``: a staff role over the unit. Others — a nämndledamot — get aggregates only."""
    return holds(user, STAFF, unit)


class ReportVersionQuerySet(ScopedQuerySet):
    def visible_to(self, user: Any, perm: Perm = Perm.VIEW) -> ScopedQuerySet:
        """Versions in the reader's scope; a version with record-level text only for a staff role over its unit,
        so a nämndledamot reaches aggregates-only versions alone, through every URL and format."""
        versions = super().visible_to(user, perm)
        if getattr(user, "is_superuser", False):
            return versions
        return versions.filter(models.Q(aggregates_only=True) | within_held(user, STAFF))


class Narrative(BaseRecord):
    """The author's text for one section of one document, period and unit. Until it exists, the section shows
    the data sentences suggested from the records; once written, exactly what the author wrote is used."""

    kind = models.CharField(_("document"), max_length=30, choices=ReportKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    period = models.CharField(_("follow-up point"), max_length=10, blank=True)
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    section = models.CharField(_("section"), max_length=60)
    text = models.TextField(_("text"), blank=True)

    access: ClassVar[Access] = Access(view=READERS, change=AUTHORS)

    class Meta:
        verbose_name = _("report text")
        verbose_name_plural = _("report texts")
        constraints = [
            models.UniqueConstraint(fields=["kind", "year", "period", "unit", "section"], name="one_text_per_section")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year} {self.period} {self.section}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        from . import previews  # the previews of this document are built again with the text as saved

        document = (self.kind, self.year, self.period, self.unit_id)
        # Now, so this request's own next preview has it, and after the commit again, so a preview built by
        # another reader in between (from the text before it) is not the one kept.
        previews.changed(*document)
        transaction.on_commit(lambda: previews.changed(*document))


class WordTemplate(BaseRecord):
    """A municipality's own Word template (logo, styles, fixed texts) with the documented placeholders."""

    name = models.CharField(_("name"), max_length=100)
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    file = models.FileField(
        _("Word template"),
        upload_to="report-templates/",
        validators=[FileExtensionValidator(["docx"])],
        help_text=_("A .docx file with the placeholders described on this page."),
    )
    is_active = models.BooleanField(_("in use"), default=True)

    access: ClassVar[Access] = Access(view=AUTHORS, change=ADMINS | {Role.KVALITETSUTVECKLARE})

    class Meta:
        verbose_name = _("Word template")
        verbose_name_plural = _("Word templates")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reports:template_update", args=[self.pk])


class ReportVersion(BaseRecord):
    """One generated version of a document: immutable once ready — its content (the plain report as JSON),
    the fingerprint of that content, who made it and when, and its Word and PDF files. One version per
    document, period and unit may be marked fastställd (sent to the nämnd)."""

    kind = models.CharField(_("document"), max_length=30, choices=ReportKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    period = models.CharField(_("follow-up point"), max_length=10, blank=True)
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField(_("version"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=VersionStatus.choices, default=VersionStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (per cent)"), default=0)
    error = models.TextField(_("error"), blank=True)
    template = models.ForeignKey(
        WordTemplate, verbose_name=_("Word template"), null=True, blank=True, on_delete=models.PROTECT
    )
    content = models.JSONField(_("content"), null=True, blank=True)
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    docx = models.FileField(_("Word file"), upload_to="reports/", blank=True)
    pdf = models.FileField(_("PDF file"), upload_to="reports/", blank=True)
    html = models.FileField(_("HTML file"), upload_to="reports/", blank=True)
    aggregates_only = models.BooleanField(_("aggregates only"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("generated by"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    adopted_at = models.DateTimeField(_("fastställd"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("fastställd by"), null=True, on_delete=models.PROTECT, related_name="+"
    )

    access: ClassVar[Access] = Access(view=READERS, change=AUTHORS)
    audit_exclude = BaseRecord.audit_exclude | {"content", "progress"}
    text_gate_exempt = frozenset({"fingerprint", "error"})
    objects = ReportVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "year", "period", "unit", "number"], name="one_version_number"),
            models.UniqueConstraint(
                fields=["kind", "year", "period", "unit"],
                condition=models.Q(adopted_at__isnull=False),
                name="one_adopted_version",
            ),
        ]

    def __str__(self) -> str:
        period = f" {self.period}" if self.period else ""
        return f"{self.get_kind_display()} {self.year}{period}, {self.unit}, v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("reports:version", args=[self.pk])

    @property
    def is_stalled(self) -> bool:
        """Queued or running with no progress for long: its worker died (``rules.is_stalled``)."""
        from . import rules

        return rules.is_stalled(self.status, self.updated_at, timezone.now())

    @property
    def status_text(self) -> str:
        """The status as shown: a stalled version says it failed."""
        return str(VersionStatus.FAILED.label) if self.is_stalled else self.get_status_display()

    def adopt(self, *, by: Any) -> None:
        """Mark this version fastställd; any earlier fastställd version of the same document is released."""
        with transaction.atomic():
            siblings = ReportVersion.objects.filter(
                kind=self.kind, year=self.year, period=self.period, unit=self.unit, adopted_at__isnull=False
            ).exclude(pk=self.pk)
            for earlier in siblings:
                earlier.adopted_at, earlier.adopted_by = None, None
                earlier.save()
            self.adopted_at, self.adopted_by = timezone.now(), by
            self._audit_action = Event.TRANSITION
            self._audit_note = "fastställd"
            self.save()


class Outline(BaseRecord):
    """A municipality's outline (rapportmall) of one document kind: a copy of the default outline
    (``reports.outlines.DEFAULTS``), changed in the app. The active one of a kind builds every new draft and
    version of that kind; with none active, the default does."""

    kind = models.CharField(_("document"), max_length=30, choices=ReportKind.choices)
    name = models.CharField(_("name"), max_length=100)
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    is_active = models.BooleanField(_("in use"), default=True)

    access: ClassVar[Access] = Access(view=AUTHORS, change=ADMINS | {Role.KVALITETSUTVECKLARE})

    class Meta:
        verbose_name = _("outline")
        verbose_name_plural = _("outlines")
        ordering = ["kind", "-is_active", "name"]
        constraints = [
            models.UniqueConstraint(fields=["kind"], condition=models.Q(is_active=True), name="one_active_outline")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reports:outline", args=[self.pk])

    def use(self, in_use: bool = True) -> None:
        """Put this outline in use for its kind (taking any other out of use) or take it out, in one transaction."""
        with transaction.atomic():
            if in_use:
                for other in Outline.objects.filter(kind=self.kind, is_active=True).exclude(pk=self.pk):
                    other.is_active = False
                    other.save()  # through save, so the log says it was taken out of use
            self.is_active = in_use
            self.save()

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        _outlines_changed()


class OutlineSection(AuditedModel):
    """One section of an outline: its heading and level, where its text is kept (``key``), the standard text
    offered as its starting point and the data block it holds. Taken out of the document, not deleted, so it can
    be put back with what was written in it."""

    outline = models.ForeignKey(Outline, verbose_name=_("outline"), on_delete=models.PROTECT, related_name="sections")
    position = models.PositiveSmallIntegerField(_("position"))
    level = models.PositiveSmallIntegerField(_("level"), choices=[(1, "1"), (2, "2"), (3, "3")], default=1)
    key = models.SlugField(_("key"), max_length=60)
    heading = models.CharField(_("heading"), max_length=200)
    block = models.CharField(_("data block"), max_length=40, blank=True)
    text = models.TextField(_("standard text"), blank=True)
    writes = models.BooleanField(_("a place to write"), default=True)
    when_empty = models.CharField(
        _("when empty"), max_length=10, choices=WhenEmpty.choices, default=WhenEmpty.REASON, db_default=WhenEmpty.REASON
    )
    empty_text = models.CharField(
        _("reason when empty"),
        max_length=200,
        blank=True,
        db_default="",
        help_text=_("Printed in a section without text or data, e.g. “Inga lex Sarah-rapporter under perioden.”"),
    )
    is_active = models.BooleanField(_("in the document"), default=True)

    class Meta:
        verbose_name = _("outline section")
        verbose_name_plural = _("outline sections")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["outline", "key"], name="one_key_per_outline")]

    def __str__(self) -> str:
        return self.heading

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        _outlines_changed()

    def scope_unit(self):
        return self.outline.unit


def _outlines_changed() -> None:
    """An outline changed: every document may look different, so every preview is built again when opened."""
    from . import previews

    previews.changed()
    transaction.on_commit(previews.changed)  # as for a text (Narrative.save)
