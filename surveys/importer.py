"""Importing brukarundersökningar: one row per survey, unit, year and question; all rows or none."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from audit import log as audit_log
from audit.choices import Event
from core.imports import Column, ImportRefused, RowError, as_number, checked_rows, one_of, read_table
from indicators.choices import Source
from indicators.models import Indicator, Result
from organisation.importing import unit_column
from organisation.models import FollowUpPoint

from .models import Survey, SurveyQuestion, SurveySource

SOURCES = {"nationell": SurveySource.NATIONAL, "skr": SurveySource.NATIONAL, "egen": SurveySource.OWN}


def columns(by: Any) -> list[Column]:
    """The file's columns: one row per survey, unit, year and question."""
    survey, question = Survey._meta.get_field, SurveyQuestion._meta.get_field
    return [
        Column("undersokning"),
        unit_column(by, Survey),
        Column("ar", as_number(survey("year"), needed=_("give the year"))),
        Column("kalla", one_of(SOURCES, _("write nationell or egen"), ignore_case=True)),
        Column("utdelade", as_number(survey("distributed"))),
        Column("svar", as_number(survey("answered"))),
        Column("fraga_kod"),
        Column("fraga"),
        Column(
            "andel_positiva",
            as_number(
                question("positive_share"), percent=True, share=True, needed=_("give the share answering positively")
            ),
        ),
        Column("riket", as_number(question("national_share"), percent=True, share=True), required=False),
    ]


COLUMNS = [column.name for column in columns(None)]


def import_surveys(data: bytes, file_name: str, *, by: Any) -> list[Survey]:
    rows, errors = checked_rows(read_table(data, file_name), columns(by))
    surveys: dict[tuple, dict] = {}
    for row in rows:
        v, number = row.values, row.number
        given, answered = v.get("utdelade"), v.get("svar")
        if "utdelade" in v and "svar" in v and (given is None or answered is None or answered > given):
            errors.append(
                RowError(number, "svar", _("give how many were asked and answered (no more answers than asked)"))
            )
            row.refused = True
        if not v.get("fraga_kod") or not v.get("fraga"):
            errors.append(RowError(number, "fraga", _("give the question and its code")))
            row.refused = True
        if row.refused:
            continue
        key = (v["undersokning"], v["enhet"].code, int(v["ar"]))
        survey = surveys.setdefault(
            key,
            {
                "unit": v["enhet"],
                "source": v["kalla"],
                "given": int(given),
                "answered": int(answered),
                "row": number,
                "questions": [],
            },
        )
        if (survey["given"], survey["answered"]) != (int(given), int(answered)):
            errors.append(RowError(number, "svar", _("the same survey must have the same numbers on every row")))
        survey["questions"].append((v["fraga_kod"], v["fraga"], v["andel_positiva"], v.get("riket")))
    if errors:
        raise ImportRefused(sorted(errors, key=lambda e: e.row))
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
            audit_log.record(Event.IMPORT, survey, note=_("%(rows)d rows imported") % {"rows": len(spec["questions"])})
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
