"""The web preview, built in the background: no request waits on a whole document.

Opening a document's preview starts one build (a task) for that document and reader, unless one is running or
done; the page shows its progress and then the finished preview, kept in the shared cache for a while with the
time it was built. Saving a text of the document, or asking for it, starts a fresh build. The cache is shared by
every application server and the task worker, so any of them can answer while another builds.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.cache import caches
from django.utils import timezone

from . import render

KEPT_SECONDS = 15 * 60
logger = logging.getLogger(__name__)


def _cache():
    return caches["shared"]


def _document(kind: str, year: int, period: str, unit_id: int) -> str:
    return f"preview:{kind}:{year}:{period or '-'}:{unit_id}"


EVERY_DOCUMENT = "preview:edition"  # bumped when an outline changes: every document may look different


def key(kind: str, year: int, period: str, unit_id: int, user_id: int) -> str:
    """The cache key of one reader's preview of one document, as of the document's (and the outlines') latest
    change."""
    document = _document(kind, year, period, unit_id)
    editions = _cache().get_many([document + ":edition", EVERY_DOCUMENT])
    return f"{document}:{editions.get(EVERY_DOCUMENT, 0)}.{editions.get(document + ':edition', 0)}:{user_id}"


def changed(kind: str = "", year: int = 0, period: str = "", unit_id: int = 0) -> None:
    """A text of the document was saved (or, without arguments, an outline): every reader's preview of it is built
    again when next opened."""
    edition = _document(kind, year, period, unit_id) + ":edition" if kind else EVERY_DOCUMENT
    cache = _cache()
    if not cache.add(edition, 1, None):
        try:
            cache.incr(edition)
        except ValueError:  # expired between the two calls
            cache.set(edition, 1, None)


def state(preview_key: str) -> dict[str, Any] | None:
    """The preview as far as it has come: ``status`` (queued, running, done, failed), ``progress`` in per cent,
    and once done the document's ``html``, ``title``, whether it has a tjänsteskrivelse (``front``) and when it
    was ``built``."""
    return _cache().get(preview_key)


def claim(preview_key: str) -> bool:
    """Mark a build as queued; False when one is already queued, running or done for this key."""
    return _cache().add(preview_key, {"status": "queued", "progress": 0}, KEPT_SECONDS)


def forget(preview_key: str) -> None:
    _cache().delete(preview_key)


def build(preview_key: str, kind: str, year: int, period: str, unit, user, edit_url: str, editable: bool) -> None:
    """Assemble and render the preview, telling the cache how far it has come (the task's work)."""
    from organisation.models import GraphicProfile

    from . import generate

    cache = _cache()

    told = [-1]

    def progress(done: int, rows: int) -> None:
        # Assembling is most of the work, laying out the HTML the last tenth. Told in steps of a fifth: each
        # write is a few queries on a database cache, and the page asks only once a second.
        step = 5 * done // max(rows, 1)
        if step != told[0]:
            told[0] = step
            cache.set(preview_key, {"status": "running", "progress": 18 * step}, KEPT_SECONDS)

    try:
        report = generate.assemble(kind, year, period, unit, user, progress=progress)
        html = render.html(report, preview=True, edit_url=edit_url, editable=editable, profile=GraphicProfile.current())
    except Exception as error:  # the page says it failed and offers to try again; the log has the trace
        logger.exception("The preview %s failed", preview_key)
        cache.set(preview_key, {"status": "failed", "progress": 0, "error": str(error)[:500]}, KEPT_SECONDS)
        return
    cache.set(
        preview_key,
        {
            "status": "done",
            "progress": 100,
            "html": html,
            "title": report.title,
            "front": bool(report.front),
            "built": timezone.now(),
        },
        KEPT_SECONDS,
    )
