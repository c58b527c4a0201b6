from django.utils.translation import gettext_lazy as _

from core.tables import Column, Table

controls = Table(
    [
        Column("title", _("What is checked"), link=True),
        Column("method", _("Method")),
        Column("unit", _("Unit")),
        Column("responsible", _("Responsible")),
        Column("cadence", _("How often")),
        Column("next_due_on", _("Next due")),
    ]
)


reviews = Table(
    [
        Column("title", _("Title"), link=True),
        Column("kind", _("Kind")),
        Column("performed_by", _("Performed by")),
        Column("performed_on", _("Date")),
        Column("unit", _("Unit")),
        Column("reported_to_committee_on", _("Reported to the committee")),
    ]
)


def _share(run) -> str:
    if run.share is None:
        return ""
    return f"{round(run.share * 100)} % ({run.numerator} av {run.denominator})"


runs = Table(
    [
        Column("control", _("Self-inspection"), link=True),
        Column("performed_on", _("Date")),
        Column("unit", _("Unit"), value=lambda r: r.control.unit),
        Column("result", _("Result")),
        Column("share", _("Share"), value=_share),
        Column("verdict", _("Verdict")),
        Column("action", _("Action"), value=lambda r: r.action.title if r.action_id else ""),
    ]
)
