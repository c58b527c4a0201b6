"""Swedish-aware text similarity for "liknande ärenden" and recurring themes, kept in the database.

Each indexed record's text is cut into words, Swedish stop words dropped and the rest stemmed
(Snowball's Swedish stemmer: "avvikelser" → "avvik"); the distinct stems are stored in
:class:`core.models.TextTerm` with the record's unit. Finding similar records is then one indexed
query over the stems of the record at hand — rare stems weigh more (inverse document frequency),
stems found in a fifth or more of all records are ignored — followed by an exact cosine
re-ranking of the best candidates. No model is downloaded; 200 000 records stay fast because no
record is ever compared with all others.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import snowballstemmer
from django.db import models, transaction

# Common Swedish function words (Snowball's Swedish stop list) plus words every report contains.
_STOP_WORDS_TEXT = """
och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke mig du
henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut när efter
upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt mycket sedan ju
denna själv detta åt utan varit hur ingen mitt ni bli blev oss din dessa några deras blir mina samma
vilken er sådan vår blivit dess inom mellan sådant varför varje vilka ditt vem vilket sitta sådana
vart dina vars vårt våra ert era vilkas också bara ska även efter kl
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
_WORD = re.compile(r"[a-zåäöéü]+")
MAX_SHARE = 0.2  # a stem in more than this share of all records says nothing about similarity
MIN_RECORDS_FOR_CUTOFF = 50  # below this every stem counts
CANDIDATES = 200
CANDIDATE_STEMS = 5
COUNT_TTL = 600  # seconds the number of indexed records is reused for the weights


def stem_counts(kind: str, wanted: set[str]) -> dict[str, int]:
    """In how many records each stem occurs (document frequency), cached a while like the record count."""
    from django.core.cache import cache

    from .models import TextTerm

    keys = {f"textindex:df:{kind}:{stem}": stem for stem in wanted}
    cached = {keys[k]: n for k, n in cache.get_many(list(keys)).items()}
    missing = wanted - cached.keys()
    if missing:
        rows = (
            TextTerm.objects.filter(kind=kind, stem__in=missing)
            .values_list("stem")
            .annotate(n=models.Count("record_id"))
            .values_list("stem", "n")
        )
        fresh = {stem: 0 for stem in missing} | dict(rows)
        cache.set_many({f"textindex:df:{kind}:{stem}": n for stem, n in fresh.items()}, COUNT_TTL)
        cached.update(fresh)
    return {stem: n for stem, n in cached.items() if n}


def record_count(kind: str) -> int:
    """How many records of ``kind`` are indexed (cached a while: idf weights need no exact figure)."""
    from django.core.cache import cache

    from .models import TextTerm

    key = f"textindex:count:{kind}"
    total = cache.get(key)
    if total is None:
        total = TextTerm.objects.filter(kind=kind).values("record_id").distinct().count() or 1
        cache.set(key, total, COUNT_TTL)
    return total


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("swedish")


def stems(text: str) -> list[str]:
    """The stems of ``text`` in order, stop words and one- or two-letter words left out."""
    words = [w for w in _WORD.findall((text or "").lower()) if len(w) > 2 and w not in STOP_WORDS]
    return [s for s in _stemmer().stemWords(words) if len(s) > 2]


def index(kind: str, record_id: int, unit_id: int | None, text: str) -> None:
    """(Re)write the stems of one record."""
    from .models import TextTerm

    counts = Counter(stems(text))
    with transaction.atomic():
        TextTerm.objects.filter(kind=kind, record_id=record_id).delete()
        TextTerm.objects.bulk_create(
            [
                TextTerm(kind=kind, record_id=record_id, unit_id=unit_id, stem=s[:60], count=min(n, 32767))
                for s, n in counts.items()
            ]
        )


@dataclass(frozen=True)
class Match:
    record_id: int
    score: float
    shared: tuple[str, ...]


def similar(kind: str, text: str, *, exclude_id: int | None, units: Any, limit: int = 5) -> list[Match]:
    """The records of ``kind`` (within ``units``, a queryset or None for all) most like ``text``.

    Score: cosine similarity of idf-weighted stem vectors, from 0 to 1.
    """
    from .models import TextTerm

    query = Counter(stems(text))
    if not query:
        return []
    terms = TextTerm.objects.filter(kind=kind)
    total = record_count(kind)
    df = stem_counts(kind, set(query))
    common = MAX_SHARE * total if total >= MIN_RECORDS_FOR_CUTOFF else total
    idf = {s: math.log((1 + total) / (1 + n)) + 1 for s, n in df.items() if n <= common}
    if not idf:
        return []
    # Candidates come from the rarest stems only: they carry the similarity and have short postings.
    rare = sorted(idf, key=lambda stem: df[stem])[:CANDIDATE_STEMS]
    scoped = terms.filter(stem__in=rare)
    if units is not None:
        scoped = scoped.filter(unit_id__in=units)
    if exclude_id is not None:
        scoped = scoped.exclude(record_id=exclude_id)
    weight = models.Case(
        *[models.When(stem=s, then=models.Value(idf[s])) for s in rare], output_field=models.FloatField()
    )
    candidates = list(
        scoped.values("record_id")
        .annotate(score=models.Sum(weight))
        .order_by("-score")
        .values_list("record_id", flat=True)[:CANDIDATES]
    )
    if not candidates:
        return []
    # Exact cosine over the candidates' full stem sets (their own rare stems count against them).
    their_terms: dict[int, dict[str, int]] = {}
    for record_id, stem, count in TextTerm.objects.filter(kind=kind, record_id__in=candidates).values_list(
        "record_id", "stem", "count"
    ):
        their_terms.setdefault(record_id, {})[stem] = count
    default_idf = math.log(1 + total) + 1
    q_vec = {s: n * idf.get(s, default_idf) for s, n in query.items()}
    q_norm = math.sqrt(sum(v * v for v in q_vec.values()))
    matches = []
    for record_id, counts in their_terms.items():
        vec = {s: n * idf.get(s, default_idf) for s, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        dot = sum(q_vec[s] * vec[s] for s in q_vec.keys() & vec.keys() if s in idf)
        if dot > 0:
            shared = tuple(sorted(q_vec.keys() & vec.keys() & idf.keys()))
            matches.append(Match(record_id, dot / (q_norm * norm), shared))
    matches.sort(key=lambda m: (-m.score, m.record_id))
    return matches[:limit]


@dataclass(frozen=True)
class Theme:
    unit_id: int
    stem: str
    record_ids: tuple[int, ...]


def recurring_stems(kind: str, record_ids: list[int], *, min_records: int = 3, limit: int = 30) -> list[Theme]:
    """Stems shared by at least ``min_records`` of the given records within one unit — recurring themes.

    Stems common across all records of the kind (more than MAX_SHARE of them) are left out: they
    say nothing specific.
    """
    from .models import TextTerm

    if not record_ids:
        return []
    terms = TextTerm.objects.filter(kind=kind)
    total = record_count(kind)
    groups = (
        terms.filter(record_id__in=record_ids)
        .values("unit_id", "stem")
        .annotate(n=models.Count("record_id"))
        .filter(n__gte=min_records)
        .order_by("-n", "stem")[: limit * 3]
    )
    candidates = list(groups)
    if not candidates:
        return []
    common = set()
    if total >= MIN_RECORDS_FOR_CUTOFF:
        # One row per record and stem, so the records are counted from the index alone (not by fetching ids).
        df = terms.filter(stem__in={g["stem"] for g in candidates}).values("stem").annotate(n=models.Count("record_id"))
        common = {row["stem"] for row in df if row["n"] > MAX_SHARE * total}
    wanted = [(g["unit_id"], g["stem"]) for g in candidates if g["stem"] not in common][:limit]
    postings: dict[tuple[int, str], list[int]] = {key: [] for key in wanted}
    rows = terms.filter(record_id__in=record_ids, stem__in={stem for _, stem in wanted}).values_list(
        "unit_id", "stem", "record_id"
    )
    for unit_id, stem, record_id in rows:
        if (unit_id, stem) in postings:
            postings[(unit_id, stem)].append(record_id)
    return [Theme(unit_id, stem, tuple(sorted(postings[(unit_id, stem)]))) for unit_id, stem in wanted]


def word_for(stem: str, text: str) -> str:
    """A word of ``text`` with this stem, to show a reader instead of the bare stem."""
    for word in _WORD.findall((text or "").lower()):
        if word.startswith(stem):
            return word
    return stem


def similar_records(obj: Any, user: Any, limit: int = 5) -> list[tuple[Any, Match]]:
    """The records of ``obj``'s model most like it, among those ``user`` may see: (record, match) pairs."""
    from .scope import Perm, units_where

    model = type(obj)
    matches = similar(
        model.text_kind,
        obj.indexed_text(),
        exclude_id=obj.pk,
        units=units_where(user, Perm.VIEW, model).values("pk"),
        limit=limit,
    )
    by_id = model.objects.select_related("unit").in_bulk([m.record_id for m in matches])
    return [(by_id[m.record_id], m) for m in matches if m.record_id in by_id]
