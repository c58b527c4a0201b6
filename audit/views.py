from django.utils.translation import gettext_lazy as _

from core.views import RecordExportView, RecordListView

from . import tables
from .filters import AuditEntryFilter
from .models import AuditEntry, name_related


class LogReview(RecordListView):
    """Loggkontroll: who did or read what, within the chief's own subtree."""

    model = AuditEntry
    filterset_class = AuditEntryFilter
    table = tables.entries
    list_select_related = ("content_type", "unit")
    template_name = "audit/log_review.html"
    title = _("Log review")
    export_url_name = "audit:export"

    def prepare_rows(self, objects):
        return name_related(objects, self.request.user)


class LogExport(RecordExportView, LogReview):
    export_name = "loggkontroll"
