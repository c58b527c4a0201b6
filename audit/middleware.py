from audit.choices import Source
from audit.context import acting_as


class AuditContextMiddleware:
    """Attribute every change made while handling a web request to the signed-in user, and give the request an id
    that every log entry it writes carries (answered as ``X-Request-ID``, so a report of a problem can name it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_as(request.user, Source.WEB) as actor:
            request.request_id = actor.request_id
            response = self.get_response(request)
        response["X-Request-ID"] = actor.request_id
        return response
