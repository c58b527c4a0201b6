"""Reminders of åtgärder and egenkontroller past their date, through the tasks framework and email."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Action


@task()
def send_overdue_action_reminders() -> int:
    """Email each responsible person their åtgärder and egenkontroller past due (run daily). Returns emails sent."""
    from controls.models import Control

    today = timezone.localdate()
    site = settings.SITE_URL.rstrip("/")
    per_person: dict[str, list[str]] = {}
    with translation.override(settings.LANGUAGE_CODE):
        late_actions = (
            Action.objects.open().filter(due_on__lt=today, responsible__isnull=False).select_related("responsible")
        )
        for action in late_actions.iterator(chunk_size=2000):
            if action.responsible.email:
                per_person.setdefault(action.responsible.email, []).append(
                    f"{_('Improvement action')}: {action.title} ({action.due_on:%Y-%m-%d}) – {site}{action.get_absolute_url()}"
                )
        late_controls = Control.objects.filter(is_active=True, next_due_on__lt=today, responsible__isnull=False)
        for control in late_controls.select_related("responsible").iterator(chunk_size=2000):
            if control.responsible.email:
                per_person.setdefault(control.responsible.email, []).append(
                    f"{_('Self-inspection')}: {control.title} ({control.next_due_on:%Y-%m-%d}) – {site}{control.get_absolute_url()}"
                )
        subject = _("Improvement actions and self-inspections past their date")
        messages = [(subject, "\n".join(lines), None, [email]) for email, lines in per_person.items()]
    return send_mass_mail(messages, fail_silently=False)
