"""Importing ärendedata: read a CSV or XLSX file in the canonical format, check every row, and store all of it
or nothing. Parsing and checking are vectorised with Polars; the case id is stored only as a keyed hash."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import polars as pl
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log as audit_log
from audit.choices import Action
from core.imports import MAX_ERRORS, ImportRefused, RowError, read_table
from core.personnummer import contains_personnummer
from core.scope import Perm, can
from organisation.models import Unit

from .choices import CaseGender, CaseKind
from .models import Case, ImportBatch

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
]
REQUIRED = ["arende_id", "enhet", "typ", "start"]
DATE_COLUMNS = ["start", "slut", "beslutsdatum", "verkstallighetsdatum"]
BOOL_COLUMNS = ["forlangd", "insats_under_utredning"]
# ISO 8601 first (the Swedish standard, SS-ISO 8601), then the forms Swedish systems also export.
DATE_FORMATS = ["%Y-%m-%d", "%Y%m%d", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y"]
TRUE, FALSE = {"ja", "j", "1", "true", "sant", "x"}, {"nej", "n", "0", "false", "falskt", ""}
BATCH = 5000


def case_key(source_id: str) -> str:
    """The pseudonymous key of a source case id: HMAC-SHA256 under a key derived from the secret key, so the
    same id always gives the same key here, and the key cannot be turned back into the id."""
    secret = settings.CASE_ID_KEY or settings.SECRET_KEY
    derived = hashlib.sha256(f"kvalitetsnav-casedata:{secret}".encode()).digest()
    return hmac.new(derived, source_id.strip().encode(), hashlib.sha256).hexdigest()


def _date(column: str) -> pl.Expr:
    return pl.coalesce([pl.col(column).str.strptime(pl.Date, fmt, strict=False) for fmt in DATE_FORMATS])


def check(frame: pl.DataFrame, units: dict[str, int]) -> tuple[pl.DataFrame, list[RowError]]:
    """The typed rows and every error found, each naming its row and column."""
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        return frame, [RowError(1, c, _("the column is missing")) for c in missing]
    frame = frame.with_columns(*(pl.lit("").alias(c) for c in COLUMNS if c not in frame.columns))
    frame = frame.with_row_index("row", offset=2)
    typed = frame.with_columns(
        *(_date(c).alias(f"{c}_d") for c in DATE_COLUMNS),
        pl.col("enhet").replace_strict(units, default=None, return_dtype=pl.Int64).alias("unit_id"),
        pl.col("fodelsear").cast(pl.Int32, strict=False).alias("birth_year"),
        *(pl.col(c).str.to_lowercase().is_in(list(TRUE)).alias(f"{c}_b") for c in BOOL_COLUMNS),
    )
    this_year = timezone.localdate().year
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
        ("start", pl.col("start") == "", _("a start date is needed")),
        ("slut", pl.col("slut_d") < pl.col("start_d"), _("ends before it starts")),
    ]
    errors: list[RowError] = []
    for column, failing, message in checks:
        for row in typed.filter(failing).get_column("row").head(MAX_ERRORS).to_list():
            errors.append(RowError(row, column, str(message)))
    # A personnummer hidden in the case id: a cheap digit pattern first, the full check on those rows only.
    suspects = typed.filter(pl.col("arende_id").str.contains(r"\d{6}[-+ ]?\d{4}"))
    for row, value in suspects.select("row", "arende_id").iter_rows():
        if contains_personnummer(value):
            errors.append(RowError(row, "arende_id", _("contains a personnummer; use the system's case number")))
    errors.sort(key=lambda e: (e.row, e.column))
    return typed, errors[:MAX_ERRORS]


def import_cases(data: bytes, file_name: str, *, by: Any) -> ImportBatch:
    """Import a file of ärendedata, all of it or nothing.

    Re-importing replaces, for the units in the file, the cases that start within the file's period,
    so importing the same file twice gives the same data. Raises :class:`ImportRefused`.
    """
    units = dict(Unit.objects.values_list("code", "pk"))
    typed, errors = check(read_table(data, file_name), units)
    if errors:
        raise ImportRefused(errors)
    if typed.is_empty():
        raise ImportRefused([RowError(2, "arende_id", _("the file has no rows"))])
    unit_ids = typed.get_column("unit_id").unique().to_list()
    file_units = list(Unit.objects.filter(pk__in=unit_ids).order_by("path"))
    refused = [u for u in file_units if not can(by, Perm.CHANGE, Case, u)]
    if refused:
        raise ImportRefused(
            [RowError(1, "enhet", _("you may not import case data for %(unit)s") % {"unit": u.code}) for u in refused]
        )
    start, end = typed.get_column("start_d").min(), typed.get_column("start_d").max()
    keys = typed.get_column("arende_id").map_elements(case_key, return_dtype=pl.String)
    typed = typed.with_columns(keys.alias("case_key"))
    with transaction.atomic():
        old = Case.objects.filter(unit_id__in=unit_ids, started_on__range=(start, end))
        replaced = old.count()
        old.delete()  # a re-import replaces the source system's copy for that period, as the issue asks
        batch = ImportBatch.objects.create(
            file_name=file_name[:255],
            unit=file_units[0],
            period_start=start,
            period_end=end,
            rows=typed.height,
            replaced=replaced,
            imported_by=by if getattr(by, "is_authenticated", False) else None,
        )
        columns = typed.select(
            "case_key",
            "unit_id",
            "typ",
            "start_d",
            "slut_d",
            "beslutsdatum_d",
            "verkstallighetsdatum_d",
            "kon",
            "birth_year",
            "orsak",
            "forlangd_b",
            "insats_under_utredning_b",
        )
        for chunk in columns.iter_slices(BATCH):
            Case.objects.bulk_create(
                Case(
                    case_key=key,
                    unit_id=unit_id,
                    kind=kind,
                    started_on=started,
                    ended_on=ended,
                    decided_on=decided,
                    executed_on=executed,
                    gender=gender,
                    birth_year=birth_year,
                    reason=(reason or "")[:100],
                    extended=extended,
                    intervention_during=during,
                    batch=batch,
                )
                for key, unit_id, kind, started, ended, decided, executed, gender, birth_year, reason, extended, during in chunk.iter_rows()
            )
        audit_log.record(
            Action.IMPORT,
            batch,
            note=_("%(rows)d cases imported, %(replaced)d replaced, %(start)s–%(end)s")
            % {"rows": batch.rows, "replaced": replaced, "start": start, "end": end},
        )
    return batch
