"""Generating a version: assemble the content from the records, render Word and PDF, store all of it."""

from __future__ import annotations

import logging
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation

from organisation.models import GraphicProfile

from . import catalogue, outlines, render
from .choices import VersionStatus
from .content import Report, printable, to_dict
from .documents import build
from .models import Narrative, ReportVersion, WordTemplate, record_reader
from .rules import report_period

logger = logging.getLogger(__name__)


def aggregates_only_for(user: Any, unit) -> bool:
    """A reader without a staff role over the unit (a nämndledamot) gets aggregates only (``record_reader``)."""
    return not record_reader(user, unit)


def narratives_for(kind: str, year: int, period: str, unit) -> dict[str, str]:
    return dict(Narrative.objects.filter(kind=kind, year=year, period=period, unit=unit).values_list("section", "text"))


def assemble(kind: str, year: int, period: str, unit, user, *, rows=None, progress=None) -> Report:
    """The document's content now, as the user may see it (web preview and every generated version); only the
    outline's ``rows`` when given (one section's edit page)."""
    with translation.override("sv"):
        report = build(
            kind,
            report_period(year, period),
            unit,
            user,
            narratives=narratives_for(kind, year, period, unit),
            aggregates_only=aggregates_only_for(user, unit),
            rows=rows,
            progress=progress,
        )
    return printable(report)


def assemble_section(kind: str, year: int, period: str, unit, user, key: str) -> Report:
    """The document with only what the section ``key`` needs: its own row of the outline (a summary also the
    rows whose figures it gathers). A section that a block names itself (one per område) is found in the
    whole document."""
    rows = outlines.rows_for(kind)
    own = [row for row in rows if row.key == key]
    if own and own[0].block == catalogue.SUMMARY:
        own += [row for row in rows if (block := catalogue.BLOCKS.get(row.block)) is not None and block.summarised]
    report = assemble(kind, year, period, unit, user, rows=own) if own else None
    if report is None or not any(section.key == key for section in report.sections):
        report = assemble(kind, year, period, unit, user)
    return report


def retry(version: ReportVersion) -> ReportVersion:
    """Queue a failed or stalled version again, as it was asked for (same document, unit, template, number)."""
    ReportVersion.objects.filter(pk=version.pk).update(
        status=VersionStatus.QUEUED, progress=0, error="", updated_at=timezone.now()
    )
    version.refresh_from_db()
    return version


def new_version(kind: str, year: int, period: str, unit, user, template: WordTemplate | None = None) -> ReportVersion:
    """A queued version with the next number for this document, period and unit."""
    with transaction.atomic():
        last = (
            ReportVersion.objects.select_for_update()
            .filter(kind=kind, year=year, period=period, unit=unit)
            .aggregate(n=Max("number"))["n"]
        )
        return ReportVersion.objects.create(
            kind=kind,
            year=year,
            period=period,
            unit=unit,
            number=(last or 0) + 1,
            template=template,
            created_by=user,
            aggregates_only=aggregates_only_for(user, unit),
        )


def run(version: ReportVersion) -> ReportVersion:
    """Build the content and both files for a queued version; progress is saved as it goes."""

    def step(percent: int, status: str = VersionStatus.RUNNING) -> None:
        # updated_at is the version's sign of life: a version without one for long has stalled (rules.is_stalled)
        ReportVersion.objects.filter(pk=version.pk).update(progress=percent, status=status, updated_at=timezone.now())

    step(5)
    try:
        report = assemble(version.kind, version.year, version.period, version.unit, version.created_by)
        step(40)
        template = version.template.file.read() if version.template else None
        profile = GraphicProfile.current()  # the look of the day is kept in all three files
        word = render.docx(report, template, profile)
        step(70)
        page = render.page(report, pictures=True, profile=profile)
        pdf = render.pdf_of(page)
        step(95)
    except Exception as error:  # the version says it failed and why; the log has the trace
        logger.exception("Report version %s failed", version.pk)
        ReportVersion.objects.filter(pk=version.pk).update(status=VersionStatus.FAILED, error=str(error)[:2000])
        version.refresh_from_db()
        return version
    version.refresh_from_db()
    name = f"{version.kind}-{version.year}{('-' + version.period) if version.period else ''}-{version.unit.code}-v{version.number}"
    version.content = to_dict(report)
    version.fingerprint = report.fingerprint
    version.docx.save(f"{name}.docx", ContentFile(word), save=False)
    version.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
    version.html.save(f"{name}.html", ContentFile(page.encode()), save=False)
    version.status, version.progress = VersionStatus.DONE, 100
    version.save()
    return version
