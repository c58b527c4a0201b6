from django.db import models
from django.utils.translation import gettext_lazy as _


class GoalKind(models.TextChoices):
    FOCUS_AREA = "focus_area", _("Focus area")
    LONG_TERM = "long_term", _("Long-term goal")
    ANNUAL = "annual", _("Annual goal")
    ASSIGNMENT = "assignment", _("Assignment")
    QUALITY = "quality", _("Quality goal")
    DEVELOPMENT_AREA = "development_area", _("Development area")


class QualityArea(models.TextChoices):
    """Socialstyrelsen's six areas of good quality in health and social care (God vård och omsorg)."""

    KNOWLEDGE = "knowledge", _("Knowledge-based care")
    SAFE = "safe", _("Safe care")
    PERSON_CENTRED = "person_centred", _("Person-centred care")
    EFFICIENT = "efficient", _("Efficient care")
    EQUAL = "equal", _("Equal care")
    ACCESSIBLE = "accessible", _("Accessible care")


class Assessment(models.TextChoices):
    FULLY = "fully", _("Fully met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")
    NOT_EVALUATED = "not_evaluated", _("Not evaluated")
    # For an uppdrag (assignment):
    NOT_STARTED = "not_started", _("Not started")
    STARTED = "started", _("Started")
    DONE = "done", _("Done")


GOAL_ASSESSMENTS = (Assessment.FULLY, Assessment.PARTLY, Assessment.NOT_MET, Assessment.NOT_EVALUATED)
ASSIGNMENT_ASSESSMENTS = (Assessment.NOT_STARTED, Assessment.STARTED, Assessment.DONE)


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open for reporting")
    APPROVED = "approved", _("Approved")
    LOCKED = "locked", _("Reported to the committee (locked)")
