"""Queue today's reminders (run daily, e.g. from cron or a systemd timer at 07:00)."""

from django.core.management.base import BaseCommand

from actions.tasks import send_overdue_action_reminders
from deviations.tasks import send_overdue_reminders


class Command(BaseCommand):
    help = "Queue the daily reminders: deviation steps past their target time, late åtgärder and egenkontroller."

    def handle(self, *args, **options):
        for reminder in (send_overdue_reminders, send_overdue_action_reminders):
            result = reminder.enqueue()
            self.stdout.write(f"Påminnelser köade (jobb {result.id}).")
