"""Remove the kept files of ärendedata uploads left unconfirmed, failed or stalled (run daily, with reminders)."""

from django.core.management.base import BaseCommand

from audit.choices import Source
from audit.context import acting_as
from casedata.importer import KEEP_UPLOAD_DAYS, purge_kept_files


class Command(BaseCommand):
    help = "Remove the files of ärendedata uploads left unconfirmed, failed or stalled for a week."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=KEEP_UPLOAD_DAYS, help="Days an upload may wait.")

    def handle(self, *args, **options):
        with acting_as(None, Source.COMMAND):
            removed = purge_kept_files(options["days"])
        self.stdout.write(f"{removed} kvarlämnade uppladdningar rensade.")
