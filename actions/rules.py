"""Rules for åtgärder."""

from __future__ import annotations

import datetime as dt

from .choices import ActionStatus


def is_overdue(status: str, due_on: dt.date | None, today: dt.date) -> bool:
    """An åtgärd is overdue when it is not done and its due date has passed.

    SOSFS 2011:9 5 kap. 1 § and 7 kap. 1 §: the verksamhet follows up that the åtgärder decided
    in the kvalitetsarbete are carried out; the due date is the one the responsible agreed to.
    """
    return status != ActionStatus.DONE and due_on is not None and due_on < today
