"""Import ärendedata from a CSV or XLSX file in the canonical format, then recompute the indicators."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from audit.choices import Source
from audit.context import acting_as
from casedata.importer import ImportRefused, import_cases
from casedata.tasks import recompute_indicators


class Command(BaseCommand):
    help = "Import ärendedata (CSV or XLSX, one row per ärende) as USER; all rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--user", required=True, help="the username the import is made as (for scope and log)")

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"Ingen aktiv användare heter {options['user']}.")
        path = Path(options["file"])
        with acting_as(user, Source.IMPORT):
            try:
                batch = import_cases(path.read_bytes(), path.name, by=user)
            except ImportRefused as refused:
                raise CommandError("Inget importerades.\n" + "\n".join(str(e) for e in refused.errors)) from refused
        self.stdout.write(
            f"{batch.rows} ärenden importerade ({batch.replaced} ersatta), {batch.period_start}–{batch.period_end}."
        )
        result = recompute_indicators.enqueue(started_by=user.pk)
        self.stdout.write(f"Indikatorer: {result.status}")
