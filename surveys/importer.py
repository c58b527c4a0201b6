"""Importing brukarundersökningar: one row per survey, unit, year and question; all rows or none."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from audit import log as audit_log
from audit.choices import Action
from core.imports import ImportRefused, RowError, read_table, swedish_number
from core.scope import Perm, can
from indicators.choices import Source
from indicators.models import Indicator, Result
from organisation.models import FollowUpPoint, Unit

from .models import Survey, SurveyQuestion, SurveySource

COLUMNS = ["undersokning", "enhet", "ar", "kalla", "utdelade", "svar", "fraga_kod", "fraga", "andel_positiva", "riket"]
# Each number column and the field it is stored in (which bounds it).
NUMBER_FIELDS = {
    "ar": Survey._meta.get_field("year"),
    "utdelade": Survey._meta.get_field("distributed"),
    "svar": Survey._meta.get_field("answered"),
    "andel_positiva": SurveyQuestion._meta.get_field("positive_share"),
    "riket": SurveyQuestion._meta.get_field("national_share"),
}
SOURCES = {"nationell": SurveySource.NATIONAL, "skr": SurveySource.NATIONAL, "egen": SurveySource.OWN}


def import_surveys(data: bytes, file_name: str, *, by: Any) -> list[Survey]:
    frame = read_table(data, file_name)
    missing = [c for c in COLUMNS if c not in frame.columns and c != "riket"]
    if missing:
        raise ImportRefused([RowError(1, c, _("the column is missing")) for c in missing])
    units = {u.code: u for u in Unit.objects.all()}
    errors: list[RowError] = []
    surveys: dict[tuple, dict] = {}
    for number, row in enumerate(frame.iter_rows(named=True), start=2):
        unit = units.get(row["enhet"])
        if unit is None:
            errors.append(RowError(number, "enhet", _("no unit has this code")))
        elif not can(by, Perm.CHANGE, Survey, unit):
            errors.append(RowError(number, "enhet", _("you may not import figures for %(unit)s") % {"unit": unit.code}))
        numbers = {}
        for column, field in NUMBER_FIELDS.items():
            try:
                numbers[column] = swedish_number((row.get(column) or "").rstrip("%"), field)
            except ValueError as error:
                errors.append(RowError(number, column, str(error)))
        if (row.get("kalla") or "").lower() not in SOURCES:
            errors.append(RowError(number, "kalla", _("write nationell or egen")))
        for column in ("andel_positiva", "riket"):
            share = numbers.get(column)
            if share is not None and not 0 <= share <= 100:
                errors.append(RowError(number, column, _("a share lies between 0 and 100")))
        if numbers.get("andel_positiva") is None and not any(e.row == number for e in errors):
            errors.append(RowError(number, "andel_positiva", _("give the share answering positively")))
        given, answered = numbers.get("utdelade"), numbers.get("svar")
        if given is None or answered is None or answered > given:
            errors.append(
                RowError(number, "svar", _("give how many were asked and answered (no more answers than asked)"))
            )
        if not row.get("fraga_kod") or not row.get("fraga"):
            errors.append(RowError(number, "fraga", _("give the question and its code")))
        if any(e.row == number for e in errors):
            continue
        key = (row["undersokning"], row["enhet"], int(numbers["ar"]))
        survey = surveys.setdefault(
            key,
            {
                "unit": unit,
                "source": SOURCES[row["kalla"].lower()],
                "given": int(given),
                "answered": int(answered),
                "row": number,
                "questions": [],
            },
        )
        if (survey["given"], survey["answered"]) != (int(given), int(answered)):
            errors.append(RowError(number, "svar", _("the same survey must have the same numbers on every row")))
        survey["questions"].append((row["fraga_kod"], row["fraga"], numbers["andel_positiva"], numbers.get("riket")))
    if errors:
        raise ImportRefused(errors)
    stored = []
    with transaction.atomic():
        for (name, _unit_code, year), spec in surveys.items():
            survey, _created = Survey.objects.update_or_create(
                name=name[:200],
                unit=spec["unit"],
                year=year,
                defaults={"source": spec["source"], "distributed": spec["given"], "answered": spec["answered"]},
            )
            for code, text, share, national in spec["questions"]:
                SurveyQuestion.objects.update_or_create(
                    survey=survey,
                    code=code[:40],
                    defaults={"text": text[:500], "positive_share": share, "national_share": national},
                )
                feed_indicators(survey, code, share)
            audit_log.record(Action.IMPORT, survey, note=_("%(rows)d rows imported") % {"rows": len(spec["questions"])})
            stored.append(survey)
    return stored


def feed_indicators(survey: Survey, code: str, share) -> None:
    """An indicator whose source is this survey question gets the share as its utfall at the year's last point."""
    point = FollowUpPoint.objects.filter(period__year=survey.year).order_by("-ends_on", "-order").first()
    if point is None:
        return
    for indicator in Indicator.objects.filter(source=Source.SURVEY, survey_question=code, is_active=True):
        result = Result.objects.filter(
            indicator=indicator, point=point, unit=survey.unit, gender="T"
        ).first() or Result(indicator=indicator, point=point, unit=survey.unit, gender="T")
        result.value, result.numerator, result.denominator = share, None, None
        result.source, result.source_note = Source.SURVEY, str(survey)[:300]
        result.save()
