"""Fetch Kolada's values for the linked KPIs (schedule it nightly, e.g. from cron or a systemd timer)."""

from django.core.management.base import BaseCommand

from indicators.tasks import fetch_kolada


class Command(BaseCommand):
    help = "Fetch Kolada values for every indicator linked to a Kolada KPI (Riket and comparison municipalities)."

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=5, help="how many years back")

    def handle(self, *args, **options):
        result = fetch_kolada.enqueue(years_back=options["years"])
        self.stdout.write(f"Kolada: {result.status}")
