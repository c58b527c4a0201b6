"""Import a financial statement (driftredovisning) from XLSX or CSV."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from audit.choices import Source
from audit.context import acting_as
from core.imports import ImportRefused
from finance.importer import import_statement
from organisation.models import FollowUpPoint, Unit


class Command(BaseCommand):
    help = "Import a financial statement for a follow-up point (e.g. --point 'T2 2026'); all rows or none."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--point", required=True, help="code and year, e.g. 'T2 2026'")
        parser.add_argument("--unit", required=True, help="unit code, e.g. SN")
        parser.add_argument("--breakdown", choices=["verksamhet", "kostnadsslag"], required=True)
        parser.add_argument("--ledger", choices=["drift", "investering"], default="drift")
        parser.add_argument("--user", required=True)

    def handle(self, *args, **options):
        code, _, year = options["point"].partition(" ")
        point = FollowUpPoint.objects.filter(code=code, period__year=year or 0).first()
        unit = Unit.objects.filter(code=options["unit"]).first()
        user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
        if point is None or unit is None or user is None:
            raise CommandError("Okänt uppföljningstillfälle, enhet eller användare.")
        path = Path(options["file"])
        with acting_as(user, Source.IMPORT):
            try:
                report = import_statement(
                    path.read_bytes(),
                    path.name,
                    point=point,
                    unit=unit,
                    breakdown=options["breakdown"],
                    ledger=options["ledger"],
                    by=user,
                )
            except ImportRefused as refused:
                raise CommandError("Inget importerades.\n" + "\n".join(str(e) for e in refused.errors)) from refused
        self.stdout.write(f"Importerad: {report}")
