"""Who is acting, and through which channel, for the audit log.

The web middleware, the API base viewset, background tasks and management commands set this
once; every save of a record reads it, so no code path has to pass the actor along by hand.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from .choices import Source


def new_request_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Actor:
    """The person (or None for the system) and the channel behind a change; ``request_id`` ties together every
    entry one request, task or command wrote."""

    user: Any
    source: str
    request_id: str = ""


SYSTEM = Actor(user=None, source=Source.SYSTEM)
_current: ContextVar[Actor | None] = ContextVar("audit_actor", default=None)


def current_actor() -> Actor:
    return _current.get() or SYSTEM


@contextlib.contextmanager
def acting_as(user: Any, source: str, request_id: str | None = None) -> Iterator[Actor]:
    """Attribute every change made inside the block to ``user`` through ``source``, under one request id."""
    actor = Actor(user=user, source=source, request_id=request_id or new_request_id())
    token = _current.set(actor)
    try:
        yield actor
    finally:
        _current.reset(token)


def set_actor(user: Any, source: str) -> None:
    """Set the actor for the rest of the current request (the API does so once authenticated); the request keeps
    its id."""
    request_id = (_current.get() or SYSTEM).request_id or new_request_id()
    _current.set(Actor(user=user, source=source, request_id=request_id))


@contextlib.contextmanager
def task_acting_as(user_id: int | None) -> Iterator[Actor]:
    """Inside a background task: attribute its changes to the person who started it."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    with acting_as(user, Source.TASK) as actor:
        yield actor
