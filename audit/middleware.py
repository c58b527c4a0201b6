from audit.choices import Source
from audit.context import acting_as


class AuditContextMiddleware:
    """Attribute every change made while handling a web request to the signed-in user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_as(request.user, Source.WEB):
            return self.get_response(request)
