"""Importing ärendedata: read a CSV or XLSX file in the canonical format, check every row, and store all of it
or nothing. Parsing and checking are vectorised with Polars; the case id is stored only as a keyed hash."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polars as pl
from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log as audit_log
from audit.choices import Event
from core.bulk import insert_frame
from core.imports import MAX_ERRORS, ROW, ImportRefused, RowError, read_chunks
from core.scope import Perm, can
from organisation.models import Unit

from . import rules
from .choices import CaseGender, CaseKind, JobStatus
from .models import Case, ColumnMapping, ImportBatch, ImportJob

logger = logging.getLogger(__name__)

COLUMNS = [
    "arende_id",
    "enhet",
    "typ",
    "start",
    "slut",
    "beslutsdatum",
    "verkstallighetsdatum",
    "kon",
    "fodelsear",
    "orsak",
    "forlangd",
    "insats_under_utredning",
    "avbrott",
    "aterupptagen",
]
REQUIRED = ["arende_id", "enhet", "typ", "start"]
DATE_COLUMNS = ["start", "slut", "beslutsdatum", "verkstallighetsdatum", "avbrott", "aterupptagen"]
BOOL_COLUMNS = ["forlangd", "insats_under_utredning"]
# ISO 8601 first (the Swedish standard, SS-ISO 8601), then the forms Swedish systems also export.
DATE_FORMATS = ["%Y-%m-%d", "%Y%m%d", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y"]
TRUE, FALSE = {"ja", "j", "1", "true", "sant", "x"}, {"nej", "n", "0", "false", "falskt", ""}


def case_key(source_id: str) -> str:
    """The pseudonymous key of a source case id: HMAC-SHA256 under a key derived from the secret key, so the
    same id always gives the same key here, and the key cannot be turned back into the id."""
    keyed = _keyed_hasher(settings.CASE_ID_KEY or settings.SECRET_KEY).copy()
    keyed.update(source_id.strip().encode())
    return keyed.hexdigest()


@functools.lru_cache(maxsize=2)
def _keyed_hasher(secret: str) -> hmac.HMAC:
    derived = hashlib.sha256(f"kvalitetsnav-casedata:{secret}".encode()).digest()
    return hmac.new(derived, digestmod=hashlib.sha256)


def _date(column: str) -> pl.Expr:
    return pl.coalesce([pl.col(column).str.strptime(pl.Date, fmt, strict=False) for fmt in DATE_FORMATS])


def check(frame: pl.DataFrame, units: dict[str, int]) -> tuple[pl.DataFrame, list[RowError]]:
    """The typed rows and every error found, each naming its row and column."""
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        return frame, [RowError(1, c, _("the column is missing")) for c in missing]
    frame = frame.with_columns(*(pl.lit("").alias(c) for c in COLUMNS if c not in frame.columns))
    typed = frame.with_columns(
        *(_date(c).alias(f"{c}_d") for c in DATE_COLUMNS),
        pl.col("enhet").replace_strict(units, default=None, return_dtype=pl.Int64).alias("unit_id"),
        pl.col("fodelsear").cast(pl.Int32, strict=False).alias("birth_year"),
        *(pl.col(c).str.to_lowercase().is_in(list(TRUE)).alias(f"{c}_b") for c in BOOL_COLUMNS),
    )
    this_year = timezone.localdate().year
    earliest, latest = rules.date_window(timezone.localdate())
    checks: list[tuple[str, pl.Expr, str]] = [
        ("arende_id", pl.col("arende_id") == "", _("a case id is needed")),
        ("enhet", pl.col("unit_id").is_null(), _("no unit has this code")),
        ("typ", ~pl.col("typ").is_in(CaseKind.values), _("unknown kind; use one of %s") % ", ".join(CaseKind.values)),
        ("kon", ~pl.col("kon").is_in(["", *CaseGender.values]), _("use K or M, or leave it empty")),
        (
            "fodelsear",
            (pl.col("fodelsear") != "")
            & (pl.col("birth_year").is_null() | ~pl.col("birth_year").is_between(1900, this_year)),
            _("not a year of birth"),
        ),
        *((c, ~pl.col(c).str.to_lowercase().is_in(list(TRUE | FALSE)), _("answer ja or nej")) for c in BOOL_COLUMNS),
        *(
            (c, (pl.col(c) != "") & pl.col(f"{c}_d").is_null(), _("not a date (write it as 2026-03-31)"))
            for c in DATE_COLUMNS
        ),
        *(
            (
                c,
                (pl.col(f"{c}_d") < earliest) | (pl.col(f"{c}_d") > latest),
                _("the date lies outside %(first)s–%(last)s; check the year") % {"first": earliest, "last": latest},
            )
            for c in DATE_COLUMNS
        ),
        ("start", pl.col("start") == "", _("a start date is needed")),
        ("slut", pl.col("slut_d") < pl.col("start_d"), _("ends before it starts")),
        ("aterupptagen", pl.col("aterupptagen_d") < pl.col("avbrott_d"), _("resumed before it was interrupted")),
    ]
    errors: list[RowError] = []
    for column, failing, message in checks:
        for row in typed.filter(failing).get_column(ROW).head(MAX_ERRORS).to_list():
            errors.append(RowError(row, column, str(message)))
    # A personnummer in any column was refused as the file was read (core.imports.refuse_unstorable_text).
    errors.sort(key=lambda e: (e.row, e.column))
    return typed, errors[:MAX_ERRORS]


def apply_mapping(frame: pl.DataFrame, mapping: ColumnMapping | None) -> pl.DataFrame:
    """The file's columns renamed and its values translated to the canonical format by a saved preset.

    A canonical column the file already has is kept as it is; a column the preset names but the file lacks is
    reported by the check as missing, under its canonical name.
    """
    if mapping is None:
        return frame
    renames = {
        source.strip().lower(): canonical
        for canonical, source in mapping.columns.items()
        if source and source.strip().lower() in frame.columns and canonical not in frame.columns
    }
    frame = frame.rename(renames)
    translations = [
        pl.col(column).replace({k.strip(): v for k, v in values.items()})
        for column, values in mapping.values.items()
        if column in frame.columns and values
    ]
    return frame.with_columns(translations) if translations else frame


@dataclass(frozen=True)
class Overlap:
    """What a file would replace: per unit, the cases it brings and the current cases it would replace."""

    period: tuple[dt.date, dt.date]
    per_unit: list[tuple[str, int, int]]  # unit code, cases in the file, current cases replaced

    @property
    def replaced(self) -> int:
        return sum(replaced for _code, _new, replaced in self.per_unit)


class ReplacementNeeded(Exception):
    """The file overlaps cases already imported; nothing was written. Import again naming the period to replace."""

    def __init__(self, overlap: Overlap):
        first, last = overlap.period
        super().__init__(
            _("The file would replace %(n)d cases already imported that start %(first)s–%(last)s; name the period.")
            % {"n": overlap.replaced, "first": first, "last": last}
        )
        self.overlap = overlap


def import_cases(
    data: bytes,
    file_name: str,
    *,
    by: Any,
    mapping: ColumnMapping | None = None,
    replace_period: tuple[dt.date, dt.date] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportBatch:
    """Import a file of ärendedata, all of it or nothing.

    The file is read, checked and written a chunk at a time inside one transaction, so memory stays bounded
    for millions of rows and an error in the last chunk still leaves nothing behind. Raises
    :class:`ImportRefused` for bad rows.

    Nothing is replaced unless asked: when the file's units already have cases that start within the file's
    period, :class:`ReplacementNeeded` says how many per unit and nothing is written. Named in
    ``replace_period`` (first, last day), the current cases of the file's units that start in that period are
    replaced by the file — kept as superseded, never deleted — and every row of the file must start in it.
    ``progress`` is told the number of rows read after each chunk.
    """
    units = dict(Unit.objects.values_list("code", "pk"))
    allowed: dict[int, bool] = {}
    errors: list[RowError] = []
    batch: ImportBatch | None = None
    start = end = None
    unit_ids: set[int] = set()
    seen: list[pl.Series] = []
    rows_read = 0
    with transaction.atomic():
        for chunk in read_chunks(data, file_name):
            typed, found = check(apply_mapping(chunk, mapping), units)
            if found and found[0].row == 1:
                errors += found
                break  # a missing column: every chunk would say the same
            found += _repeated_ids(typed, seen) + _outside(typed, replace_period)
            errors += found
            rows_read += typed.height
            if progress is not None:
                progress(rows_read)
            if errors:
                if len(errors) >= MAX_ERRORS:
                    break
                continue  # go on checking, to name every bad row; nothing more is written
            errors += _refused_units(typed, by, allowed)
            if errors or typed.is_empty():
                continue
            low, high = typed.get_column("start_d").min(), typed.get_column("start_d").max()
            start, end = min(start or low, low), max(end or high, high)
            unit_ids.update(typed.get_column("unit_id").unique().to_list())
            if batch is None:
                batch = ImportBatch.objects.create(
                    file_name=file_name[:255],
                    unit_id=typed.get_column("unit_id")[0],
                    period_start=start,
                    period_end=end,
                    rows=0,
                    imported_by=by if getattr(by, "is_authenticated", False) else None,
                )
            _insert(typed, batch)
            batch.rows += typed.height
        if errors:
            raise ImportRefused(sorted(errors, key=lambda e: (e.row, e.column))[:MAX_ERRORS])
        if batch is None:
            raise ImportRefused([RowError(2, "arende_id", _("the file has no rows"))])
        period = replace_period or (start, end)
        old = Case.objects.filter(unit_id__in=unit_ids, started_on__range=period).exclude(batch=batch)
        if replace_period is None and old.exists():
            raise ReplacementNeeded(_overlap(period, batch, old))  # and the transaction leaves nothing behind
        replaced = old.update(superseded_by=batch)
        ImportBatch.objects.filter(pk=batch.pk).update(
            period_start=start, period_end=end, rows=batch.rows, replaced=replaced
        )
        batch.refresh_from_db()
        audit_log.record(
            Event.IMPORT,
            batch,
            note=_("%(rows)d cases imported, %(replaced)d replaced, %(start)s–%(end)s")
            % {"rows": batch.rows, "replaced": replaced, "start": start, "end": end},
        )
    return batch


def _overlap(period: tuple[dt.date, dt.date], batch: ImportBatch, old) -> Overlap:
    new = dict(Case.objects.filter(batch=batch).values_list("unit__code").annotate(n=Count("id")).order_by())
    replaced = dict(old.values_list("unit__code").annotate(n=Count("id")).order_by())
    codes = sorted(set(new) | set(replaced))
    return Overlap(period, [(code, new.get(code, 0), replaced.get(code, 0)) for code in codes])


def _outside(typed: pl.DataFrame, period: tuple[dt.date, dt.date] | None) -> list[RowError]:
    """An error for each row that starts outside the period being replaced (a file replaces one period)."""
    if period is None or typed.is_empty():
        return []
    first, last = period
    outside = typed.filter(~pl.col("start_d").is_between(first, last))
    message = _("starts outside the period being replaced (%(first)s–%(last)s)") % {"first": first, "last": last}
    return [RowError(row, "start", message) for row in outside.get_column(ROW).head(MAX_ERRORS).to_list()]


def _repeated_ids(typed: pl.DataFrame, seen: list[pl.Series]) -> list[RowError]:
    """An error for each row whose case id came earlier in the file (in this chunk or one before; ``seen`` keeps
    a 64-bit hash of every id so far, a few bytes a row)."""
    ids = typed.select(ROW, pl.col("arende_id").hash(seed=7).alias("id"))
    earlier = pl.concat(seen) if seen else pl.Series("id", [], dtype=pl.UInt64)
    seen.append(ids.get_column("id"))
    repeated = ids.filter(pl.col("id").is_in(earlier.implode()) | ~pl.col("id").is_first_distinct())
    message = _("the case id appears more than once in the file; one row per ärende")
    return [RowError(row, "arende_id", message) for row in repeated.get_column(ROW).head(MAX_ERRORS).to_list()]


def _refused_units(typed: pl.DataFrame, by: Any, allowed: dict[int, bool]) -> list[RowError]:
    """An error for each unit in the rows where ``by`` may not import case data (asked once per unit)."""
    new = [pk for pk in typed.get_column("unit_id").unique().to_list() if pk not in allowed]
    for unit in Unit.objects.filter(pk__in=new):
        allowed[unit.pk] = can(by, Perm.CHANGE, Case, unit)
    refused = typed.filter(pl.col("unit_id").is_in([pk for pk, ok in allowed.items() if not ok]))
    return [
        RowError(row, "enhet", _("you may not import case data for %(unit)s") % {"unit": code})
        for row, code in refused.group_by("enhet").agg(pl.col(ROW).min()).select(ROW, "enhet").iter_rows()
    ]


def _insert(typed: pl.DataFrame, batch: ImportBatch) -> None:
    keys = typed.get_column("arende_id").map_elements(case_key, return_dtype=pl.String)
    now = timezone.now()
    insert_frame(
        Case,
        typed.select(
            keys.alias("case_key"),
            "unit_id",
            pl.col("typ").alias("kind"),
            pl.col("start_d").alias("started_on"),
            pl.col("slut_d").alias("ended_on"),
            pl.col("beslutsdatum_d").alias("decided_on"),
            pl.col("verkstallighetsdatum_d").alias("executed_on"),
            pl.col("avbrott_d").alias("interrupted_on"),
            pl.col("aterupptagen_d").alias("resumed_on"),
            pl.col("kon").alias("gender"),
            pl.col("birth_year"),
            pl.col("orsak").str.slice(0, 100).alias("reason"),
            pl.col("forlangd_b").alias("extended"),
            pl.col("insats_under_utredning_b").alias("intervention_during"),
            pl.lit(batch.pk, dtype=pl.Int64).alias("batch_id"),
            pl.lit(now).alias("created_at"),
            pl.lit(now).alias("updated_at"),
        ),
    )


def run_job(job: ImportJob) -> ImportJob:
    """Import an uploaded file in the background, telling the job how far it has come and how it ended.

    The kept file is removed once the import is done or refused (it holds the source system's case ids, which
    Kvalitetsnav keeps only as keyed hashes); it stays while the person is asked to confirm a replacement."""

    def update(**fields: Any) -> None:
        ImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now(), **fields)

    update(status=JobStatus.RUNNING, rows_read=0, errors=[], overlap=None)
    try:
        with job.file.open("rb") as stored:
            data = stored.read()
        batch = import_cases(
            data,
            job.file_name,
            by=job.created_by,
            mapping=job.mapping,
            replace_period=job.replace_period,
            progress=lambda rows: update(rows_read=rows),
        )
    except ImportRefused as refused:
        errors = [{"row": e.row, "column": e.column, "message": e.message} for e in refused.errors]
        job.file.delete(save=False)
        update(status=JobStatus.REFUSED, errors=errors, file="")
    except ReplacementNeeded as needed:
        first, last = needed.overlap.period
        overlap = {"period": [first.isoformat(), last.isoformat()], "per_unit": needed.overlap.per_unit}
        update(status=JobStatus.CONFIRM, overlap=overlap)
    except Exception as error:  # the job says it failed and why; the log has the trace
        logger.exception("Import job %s failed", job.pk)
        update(status=JobStatus.FAILED, errors=[{"row": 0, "column": "", "message": str(error)[:500]}])
    else:
        job.file.delete(save=False)
        update(status=JobStatus.DONE, batch=batch, rows_read=batch.rows, file="")
    job.refresh_from_db()
    return job


KEEP_UPLOAD_DAYS = 7  # an upload nobody confirmed or retried in a week is not coming back


def purge_kept_files(days: int = KEEP_UPLOAD_DAYS) -> int:
    """Remove the kept file of every upload left for ``days`` — waiting for a confirmation, failed or stalled —
    since it holds the source system's own case ids, which Kvalitetsnav otherwise keeps only as keyed hashes. The
    job stays, marked failed with the reason; a new upload starts again. Returns the number of files removed."""
    cutoff = timezone.now() - dt.timedelta(days=days)
    left = ImportJob.objects.exclude(file="").exclude(status__in=[JobStatus.DONE, JobStatus.REFUSED])
    removed = 0
    for job in left.filter(updated_at__lt=cutoff):
        job.file.delete(save=False)
        message = _(
            "The upload was left for more than %(days)d days without being confirmed or retried; its file has "
            "been removed. Upload the file again to import it."
        ) % {"days": days}
        ImportJob.objects.filter(pk=job.pk).update(
            file="", status=JobStatus.FAILED, errors=[{"row": 0, "column": "", "message": message}]
        )
        removed += 1
    return removed
