from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table

from .choices import Step


def _next_step(deviation) -> str:
    step = getattr(deviation, "next_step", None)
    if step is None:
        return ""
    text = f"{Step(step.step).label} {step.due_on:%Y-%m-%d}"
    return f"{text} – {_('overdue')}" if step.overdue else text


deviations = Table(
    [
        Column("reference", _("Reference"), link=True),
        Column("reported_at", _("Reported")),
        Column("kind", _("Kind")),
        Column("unit", _("Unit")),
        Column("status", _("Status")),
        Column("assessment", _("Assessment")),
        Column("is_serious", _("Serious")),
        Column("next_step", _("Next step by"), value=_next_step),
    ]
)


root_causes = Table(
    [Column("name", _("Name"), link=True), Column("order", _("Order")), Column("is_active", _("Active"))]
)

target_times = Table(
    [Column("step", _("Step"), link=True), Column("days", _("Days from the report")), Column("source", _("Source"))]
)
