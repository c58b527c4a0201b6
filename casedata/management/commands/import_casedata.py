"""Import ärendedata from a CSV or XLSX file in the canonical format, then recompute the indicators."""

from casedata.importer import import_cases
from casedata.tasks import recompute_indicators
from core.imports import ImportCommand


class Command(ImportCommand):
    help = "Import ärendedata (CSV or XLSX, one row per ärende) as USER; all rows or none."

    def run(self, data, file_name, user, options):
        batch = import_cases(data, file_name, by=user)
        result = recompute_indicators.enqueue(started_by=user.pk)
        return (
            f"{batch.rows} ärenden importerade ({batch.replaced} ersatta), {batch.period_start}–{batch.period_end}. "
            f"Indikatorer: {result.status}"
        )
