"""A personnummer is refused at the record itself, in every free-text field of every model, in every form it takes
when pasted from Word or a web page; dates and phone numbers still pass."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from rest_framework.test import APIClient

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from audit.models import AuditEntry
from core.models import TextGated
from core.personnummer import contains_personnummer
from deviations.models import Deviation, DeviationStatusChange
from deviations.tests.factories import DeviationFactory

PROJECT_APPS = {
    "accounts", "actions", "audit", "casedata", "complaints", "controls", "core", "deviations", "finance", "goals",
    "indicators", "organisation", "reports", "risks", "staff", "surveys",
}  # fmt: skip

# Text the system writes or copies, never a person: derived stems, external statistics, tokens, the log itself
# (whose values come from records already gated).
NOT_GATED = {
    "core.TextTerm",
    "accounts.CalendarFeed",
    "audit.AuditEntry",
    "indicators.KoladaMunicipality",
    "indicators.KoladaValue",
}

# 121212-1212 (a valid check digit) as Word, a web page or a careless hand writes it.
VARIANTS = [
    "121212\u20131212",  # en dash, Word's autocorrect
    "121212\u20141212",  # em dash
    "121212\u22121212",  # minus sign
    "121212\u00a01212",  # non-breaking space
    "121212\u202f1212",  # narrow no-break space
    "1212\u200b12-1212",  # zero-width space inside
    "121212-12\u00ad12",  # soft hyphen inside
    "121212.1212",
    "121212/1212",
    "121212  1212",  # double space
    "121212 - 1212",
    "ID-121212-1212",
    "pnr:19121212-1212",
    "\uff11\uff12\uff11\uff12\uff11\uff12-\uff11\uff12\uff11\uff12",  # full-width digits
]
STILL_ALLOWED = ["Telefon 070-123 45 67", "Möte 2026-03-04 kl. 1300", "Diarienummer SN 2024/1234-5", "0701234567"]


def gated_fields(model):
    exempt = getattr(model, "text_gate_exempt", frozenset())
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and not f.choices and f.name not in exempt
    ]


def models_with_free_text():
    return [
        m
        for m in apps.get_models()
        if m._meta.app_label in PROJECT_APPS and m._meta.label not in NOT_GATED and gated_fields(m)
    ]


@pytest.mark.parametrize("text", VARIANTS)
def test_every_variant_is_read_as_a_personnummer(text):
    assert contains_personnummer(f"Brukaren {text} föll.")


@pytest.mark.parametrize("text", STILL_ALLOWED)
def test_dates_and_phone_numbers_still_pass(text):
    assert not contains_personnummer(text)


def test_every_model_with_free_text_is_behind_the_gate():
    ungated = [m._meta.label for m in models_with_free_text() if not issubclass(m, TextGated)]
    assert ungated == []


@pytest.mark.parametrize("model", models_with_free_text(), ids=lambda m: m._meta.label)
def test_every_free_text_field_of_every_model_refuses_every_variant(model):
    for name in gated_fields(model):
        for text in VARIANTS:
            record = model()
            setattr(record, name, f"Om {text}")
            assert name in record.refused_text(), (model._meta.label, name, text)


def test_a_save_by_any_path_stores_nothing_and_logs_nothing(tree):
    deviation = DeviationFactory(unit=tree.a)
    entries = AuditEntry.objects.count()
    deviation.analysis = "Gäller 121212\u20131212."
    with pytest.raises(ValidationError) as refused:
        deviation.save()
    assert "analysis" in refused.value.message_dict
    deviation.refresh_from_db()
    assert "1212" not in deviation.analysis
    assert AuditEntry.objects.count() == entries


def test_a_status_change_note_is_refused_and_the_status_stays(tree):
    deviation = DeviationFactory(unit=tree.a)
    chief = person_with_role(Role.ENHETSCHEF, tree.a)
    with pytest.raises(ValidationError) as refused:
        deviation.transition_to("investigating", by=chief, note="Brukare 19121212\u22121212")
    assert "note" in refused.value.message_dict
    deviation.refresh_from_db()
    assert deviation.status != "investigating"
    assert not DeviationStatusChange.objects.filter(note__contains="1212").exists()


def test_the_api_answers_400_naming_the_field_and_the_log_never_holds_the_number(tree):
    deviation = DeviationFactory(unit=tree.a)
    api = APIClient()
    api.force_authenticate(person_with_role(Role.ENHETSCHEF, tree.a))
    response = api.patch(f"/api/v1/deviations/{deviation.pk}/", {"analysis": "121212\u20131212"}, format="json")
    assert response.status_code == 400
    assert "analysis" in response.json()
    moved = api.post(
        f"/api/v1/deviations/{deviation.pk}/transition/",
        {"status": "investigating", "note": "ID-121212-1212"},
        format="json",
    )
    assert moved.status_code == 400
    assert Deviation.objects.get(pk=deviation.pk).analysis == deviation.analysis
    assert not [e for e in AuditEntry.objects.all() if contains_personnummer(str(e.changes) + e.note)]


def test_a_record_stored_before_a_rule_existed_can_still_be_changed_elsewhere(tree):
    deviation = DeviationFactory(unit=tree.a)
    Deviation.objects.filter(pk=deviation.pk).update(analysis="121212\u20131212")  # as stored in an older version
    deviation = Deviation.objects.get(pk=deviation.pk)
    deviation.closing_note = "Avslutad."
    deviation.save()
    assert Deviation.objects.get(pk=deviation.pk).closing_note == "Avslutad."
