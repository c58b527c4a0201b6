from django.db import models
from django.utils.translation import gettext_lazy as _


class Method(models.TextChoices):
    CASE_REVIEW = "case_review", _("Case file review")
    LOG_REVIEW = "log_review", _("Log review")
    STATISTICS = "statistics", _("Statistics")
    PROCESS_REVIEW = "process_review", _("Process review")
    INTERVIEW = "interview", _("Interview or survey")
    OBSERVATION = "observation", _("Observation")
    OTHER = "other", _("Other")


class Cadence(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Twice a year")
    YEARLY = "yearly", _("Yearly")
    ONCE = "once", _("Once")


class Verdict(models.TextChoices):
    APPROVED = "approved", _("Approved")
    NEEDS_ACTION = "needs_action", _("Calls for action")


class ReviewKind(models.TextChoices):
    AUDIT = "audit", _("Audit by the municipal auditors")
    SUPERVISION = "supervision", _("Supervision (IVO and others)")
    INTERNAL = "internal", _("Internal review")
    FOLLOW_UP = "follow_up", _("Own follow-up")
