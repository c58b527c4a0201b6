"""Rate limits whose counts every app server shares: DRF's throttles on the shared cache (settings.CACHES).

Kept apart from ``core.api`` because DRF imports the throttle classes while it builds its views. The client is
named by DRF's ``get_ident()``: ``REMOTE_ADDR``, or behind our own proxies (``TRUSTED_PROXIES``) the address they
wrote into X-Forwarded-For, so one sender behind the proxy never closes a form for everyone.
"""

from __future__ import annotations

from django.core.cache import caches
from rest_framework import throttling


class SharedCacheThrottle:
    """A DRF throttle whose counts live in the shared cache, so every app server and a restart see the same."""

    @property
    def cache(self):
        return caches["shared"]


class SharedAnonRateThrottle(SharedCacheThrottle, throttling.AnonRateThrottle):
    pass


class SharedUserRateThrottle(SharedCacheThrottle, throttling.UserRateThrottle):
    pass


class SharedRateThrottle(SharedCacheThrottle, throttling.SimpleRateThrottle):
    """A limit per client address for a plain Django view (the public e-form): ``allowed(request)`` counts one
    use and says whether it was within the limit."""

    def __init__(self, scope: str, rate: str) -> None:
        self.scope, self.rate = scope, rate
        self.num_requests, self.duration = self.parse_rate(rate)

    def get_rate(self) -> str:
        return self.rate

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allowed(self, request) -> bool:
        return self.allow_request(request, None)
