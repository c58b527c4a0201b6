import datetime as dt

from django.urls import reverse
from django.utils import timezone

from deviations.models import RootCause
from deviations.tests.factories import DeviationFactory


def at(day):
    return timezone.make_aware(dt.datetime(2026, 10, day, 9))


def test_the_month_shows_repeated_causes_and_words_per_unit(client, tree, chief_a, root_causes):
    cause = RootCause.objects.get(name="Processer och rutiner")
    for day in (2, 9, 16):
        d = DeviationFactory(unit=tree.a1, reported_at=at(day), description=f"Nattlarmet fungerade inte dag {day}.")
        d.root_causes.add(cause)
    DeviationFactory(unit=tree.a2, reported_at=at(3), description="Nattlarmet fungerade inte.")
    DeviationFactory(
        unit=tree.a1, reported_at=timezone.make_aware(dt.datetime(2026, 9, 5, 9)), description="Nattlarmet."
    )
    client.force_login(chief_a)

    themes = client.get(reverse("deviations:themes"), {"month": "2026-10"}).context["themes"]

    assert themes.total == 4
    assert [(c.unit, c.cause, c.count) for c in themes.causes] == [(tree.a1, "Processer och rutiner", 3)]
    words = {(w.unit, w.word) for w in themes.words}
    assert (tree.a1, "nattlarmet") in words
    assert all(w.unit == tree.a1 for w in themes.words)  # A2 has one report only
    assert all(len(w.deviations) == 3 for w in themes.words)


def test_an_employee_cannot_open_the_themes(client, tree, reader_a):
    client.force_login(reader_a)
    assert client.get(reverse("deviations:themes")).status_code == 403
