"""Import ärendedata from a CSV or XLSX file in the canonical format (or through a saved column mapping), then
recompute the indicators."""

from django.core.management.base import CommandError

from casedata.importer import import_cases
from casedata.models import ColumnMapping
from casedata.tasks import recompute_indicators
from core.imports import ImportCommand


class Command(ImportCommand):
    help = "Import ärendedata (CSV or XLSX, one row per ärende) as USER; all rows or none."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--mapping", help="the name of a saved column mapping for another system's export")

    def run(self, data, file_name, user, options):
        mapping = None
        if options.get("mapping"):
            mapping = ColumnMapping.objects.visible_to(user).filter(name=options["mapping"], is_active=True).first()
            if mapping is None:
                raise CommandError(f"Ingen kolumnmappning heter {options['mapping']}.")
        batch = import_cases(data, file_name, by=user, mapping=mapping)
        result = recompute_indicators.enqueue(started_by=user.pk)
        return (
            f"{batch.rows} ärenden importerade ({batch.replaced} ersatta), {batch.period_start}–{batch.period_end}. "
            f"Indikatorer: {result.status}"
        )
