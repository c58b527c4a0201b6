"""Notifications and reminders for avvikelser, through the tasks framework and Django email."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from accounts.choices import Role
from accounts.models import Membership, User
from organisation.models import Unit

from .choices import DeviationStatus, Step
from .models import Deviation, TargetTime


def responsible_chiefs(unit: Unit) -> list[User]:
    """The enhetschefer at the unit; failing those, the nearest chiefs above it."""
    path_units = [*unit.ancestors(), unit]
    for candidate in reversed(path_units):
        chiefs = [
            m.user
            for m in Membership.objects.active()
            .filter(unit=candidate, role__in=[Role.ENHETSCHEF, Role.VERKSAMHETSCHEF])
            .select_related("user")
            if m.user.email and m.user.is_active
        ]
        if chiefs:
            return chiefs
    return []


def _link(deviation: Deviation) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{deviation.get_absolute_url()}"


@task()
def notify_new_deviation(deviation_id: int) -> int:
    """Tell the responsible chiefs that a report has come in. Returns the number of emails sent.

    The email names the reference, kind and unit only; the text stays in Kvalitetsnav.
    """
    deviation = Deviation.objects.select_related("unit").get(pk=deviation_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New %(kind)s at %(unit)s: %(ref)s") % {
            "kind": deviation.get_kind_display().lower(),
            "unit": deviation.unit,
            "ref": deviation.reference,
        }
        body = _("A new report has been made. Read and handle it in Kvalitetsnav:\n%(link)s") % {
            "link": _link(deviation)
        }
    messages = [(subject, body, None, [chief.email]) for chief in responsible_chiefs(deviation.unit)]
    return send_mass_mail(messages, fail_silently=False)


@task()
def send_overdue_reminders() -> int:
    """Remind the responsible chiefs of every step past its target time (run daily). Returns emails sent."""
    targets = TargetTime.current()
    today = timezone.localdate()
    chiefs_of: dict[int, list[User]] = {}
    per_chief: dict[str, list[str]] = {}
    open_deviations = Deviation.objects.exclude(status=DeviationStatus.CLOSED).select_related("unit")
    with translation.override(settings.LANGUAGE_CODE):
        for deviation in open_deviations.iterator(chunk_size=2000):
            late = [Step(s.step).label for s in deviation.step_states(targets, today) if s.overdue]
            if not late:
                continue
            if deviation.unit_id not in chiefs_of:
                chiefs_of[deviation.unit_id] = responsible_chiefs(deviation.unit)
            line = f"{deviation.reference} ({deviation.unit}): {', '.join(str(x) for x in late)} – {_link(deviation)}"
            for chief in chiefs_of[deviation.unit_id]:
                per_chief.setdefault(chief.email, []).append(line)
        subject = _("Deviations past their target time")
        intro = _("These steps are past the target time:")
        messages = [(subject, intro + "\n" + "\n".join(lines), None, [email]) for email, lines in per_chief.items()]
    return send_mass_mail(messages, fail_silently=False)
