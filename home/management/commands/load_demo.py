"""Load the demo municipality Exempelkommun once; a second run reuses what is there."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from accounts import demo as accounts_demo
from audit.choices import Source
from audit.context import acting_as
from casedata import demo as casedata_demo
from complaints import demo as complaints_demo
from controls import demo as controls_demo
from deviations import demo as deviations_demo
from finance import demo as finance_demo
from goals import demo as goals_demo
from indicators import demo as indicators_demo
from organisation import demo as organisation_demo
from organisation.models import Unit
from risks import demo as risks_demo
from staff import demo as staff_demo
from surveys import demo as surveys_demo


class Command(BaseCommand):
    help = "Load the demo municipality Exempelkommun (idempotent)."

    def handle(self, *args, **options):
        if Unit.objects.filter(code="SN").exists():
            self.stdout.write("Exempelkommun finns redan i databasen; den återanvänds.")
        else:
            with acting_as(None, Source.COMMAND), transaction.atomic():
                units = organisation_demo.create(timezone.localdate())
                people = accounts_demo.create(units)
                organisation_demo.assign_owners(people)
                deviations_demo.create(timezone.localdate())
                complaints_demo.create(timezone.localdate())
                risks_demo.create(timezone.localdate())
                controls_demo.create(timezone.localdate())
                indicators_demo.create(timezone.localdate())
                goals_demo.create(timezone.localdate())
                casedata_demo.create(timezone.localdate())
                surveys_demo.create(timezone.localdate())
                finance_demo.create(timezone.localdate())
                staff_demo.create(timezone.localdate())
            self.stdout.write(self.style.SUCCESS("Exempelkommun har laddats."))
        self.stdout.write(f"\nDemoanvändare (lösenord för alla: {accounts_demo.DEMO_PASSWORD}):")
        for username, first, last, _title, role, unit in accounts_demo.PEOPLE:
            self.stdout.write(f"  {username:<16} {role.label:<22} {unit:<8} {first} {last}")
