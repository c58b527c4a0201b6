"""Import a financial statement (driftredovisning) from XLSX or CSV."""

from django.core.management.base import CommandError

from core.imports import ImportCommand
from finance.importer import import_statement
from organisation.models import FollowUpPoint, Unit


class Command(ImportCommand):
    help = "Import a financial statement for a follow-up point (e.g. --point 'T2 2026'); all rows or none."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--point", required=True, help="code and year, e.g. 'T2 2026'")
        parser.add_argument("--unit", required=True, help="unit code, e.g. SN")
        parser.add_argument("--breakdown", choices=["verksamhet", "kostnadsslag"], required=True)
        parser.add_argument("--ledger", choices=["drift", "investering"], default="drift")

    def run(self, data, file_name, user, options):
        code, _, year = options["point"].partition(" ")
        point = FollowUpPoint.objects.filter(code=code, period__year=int(year) if year.isdigit() else 0).first()
        unit = Unit.objects.filter(code=options["unit"]).first()
        if point is None or unit is None:
            raise CommandError("Okänt uppföljningstillfälle eller enhet.")
        report = import_statement(
            data, file_name, point=point, unit=unit, breakdown=options["breakdown"], ledger=options["ledger"], by=user
        )
        return f"Importerad: {report}"
