"""Import staff figures from CSV or XLSX as USER; all rows or none."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from audit.choices import Source
from audit.context import acting_as
from core.imports import ImportRefused
from staff.importer import import_staff


class Command(BaseCommand):
    help = "Import staff figures (CSV or XLSX); every error names its row and column, and nothing is stored then."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--user", required=True)

    def handle(self, *args, **options):
        user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"Ingen aktiv användare heter {options['user']}.")
        path = Path(options["file"])
        with acting_as(user, Source.IMPORT):
            try:
                result = import_staff(path.read_bytes(), path.name, by=user)
            except ImportRefused as refused:
                raise CommandError("Inget importerades.\n" + "\n".join(str(e) for e in refused.errors)) from refused
        self.stdout.write(f"Importerat: {result if isinstance(result, int) else len(result)}")
