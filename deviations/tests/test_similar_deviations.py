from django.urls import reverse

from core import textindex
from deviations.tests.factories import DeviationFactory

TEXTS = [
    "Brukaren fick fel dos av sitt läkemedel vid kvällsmedicineringen.",
    "Dörren till medicinrummet lämnades olåst under natten.",
    "Hemtjänsten kom inte till brukaren på morgonen, planeringen missade besöket.",
    "Larmet i lägenheten fungerade inte när brukaren föll.",
    "Journalanteckning saknades efter hembesöket.",
    "Brukaren blev utan mat eftersom leveransen uteblev.",
]


def test_the_near_duplicate_ranks_first(tree, chief_a):
    others = [DeviationFactory(unit=tree.a1, description=t) for t in TEXTS]
    original = DeviationFactory(
        unit=tree.a1, description="Brukaren fick fel dos av läkemedel vid kvällsmedicineringen igår."
    )
    near = others[0]

    matches = textindex.similar("deviation", original.indexed_text(), exclude_id=original.pk, units=None)

    assert matches[0].record_id == near.pk
    assert matches[0].score > 0.5
    assert all(m.score < matches[0].score for m in matches[1:])


def test_swedish_stemming_joins_word_forms():
    assert textindex.stems("avvikelser avvikelsen avvikelse") == ["avvik", "avvik", "avvik"]
    assert "och" not in textindex.stems("läkemedel och dos")


def test_a_chief_sees_only_similar_deviations_within_their_scope(client, tree, chief_a):
    in_b = DeviationFactory(unit=tree.b1, description=TEXTS[1])
    in_a = DeviationFactory(unit=tree.a2, description=TEXTS[1] + " Igen.")
    original = DeviationFactory(unit=tree.a1, description=TEXTS[1])
    client.force_login(chief_a)

    similar = client.get(reverse("deviations:detail", args=[original.pk])).context["similar"]

    ids = [d.pk for d, _ in similar]
    assert in_a.pk in ids
    assert in_b.pk not in ids


def test_the_index_is_rewritten_when_the_text_changes_not_on_a_status_change(tree, chief_a):
    from core.models import TextTerm

    deviation = DeviationFactory(unit=tree.a1, description="Larmet fungerade inte.")
    first = set(TextTerm.objects.filter(record_id=deviation.pk).values_list("pk", flat=True))
    deviation.transition_to("investigating", by=chief_a)
    assert set(TextTerm.objects.filter(record_id=deviation.pk).values_list("pk", flat=True)) == first
    deviation.analysis = "Batteriet i nattlarmet var slut."
    deviation.save()
    stems = set(TextTerm.objects.filter(record_id=deviation.pk).values_list("stem", flat=True))
    assert {"batteriet", "larmet"} <= stems
    assert not first & set(TextTerm.objects.filter(record_id=deviation.pk).values_list("pk", flat=True))
