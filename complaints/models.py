"""Synpunkter och klagomål (also beröm and förslag), from staff or from the public."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.choices import ADMINS, CHIEFS, STAFF, Role
from core.models import BaseRecord, TextIndexed
from core.scope import Access, holds
from core.workflow import StatusChangeBase, TransitionRefused, WorkflowMixin
from organisation.models import Unit

from . import rules
from .choices import Category, Channel, ComplaintKind, ComplaintStatus

HANDLERS = CHIEFS | ADMINS | {Role.KVALITETSUTVECKLARE}


class Complaint(WorkflowMixin, TextIndexed, BaseRecord):
    """One synpunkt, klagomål, beröm or förslag and how it was handled."""

    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=ComplaintKind.choices, default=ComplaintKind.COMPLAINT)
    received_on = models.DateField(_("received on"), default=timezone.localdate, db_index=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.WEB_FORM)
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="complaints")
    category = models.CharField(_("concerns"), max_length=20, choices=Category.choices, default=Category.OTHER)
    description = models.TextField(_("what it is about"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    contact = models.CharField(_("contact details"), max_length=200, blank=True)
    wants_reply = models.BooleanField(_("wants a reply"), default=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ComplaintStatus.choices, default=ComplaintStatus.RECEIVED
    )
    analysis = models.TextField(_("analysis"), blank=True)
    reply = models.TextField(_("reply to the sender"), blank=True)
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("The text is shown only to the unit's managers and kept out of lists and exports."),
    )
    actions = models.ManyToManyField("actions.Action", verbose_name=_("actions"), blank=True, related_name="complaints")

    TRANSITIONS: ClassVar[dict[str, set[str]]] = {
        ComplaintStatus.RECEIVED: {ComplaintStatus.INVESTIGATING, ComplaintStatus.CLOSED},
        ComplaintStatus.INVESTIGATING: {ComplaintStatus.CLOSED},
        ComplaintStatus.CLOSED: {ComplaintStatus.INVESTIGATING},
    }
    access: ClassVar[Access] = Access(view=HANDLERS, change=HANDLERS, create=STAFF)
    owner_fields: ClassVar[tuple[str, ...]] = ("registered_by",)
    sensitive: ClassVar[bool] = True
    text_kind: ClassVar[str] = "complaint"
    text_fields: ClassVar[tuple[str, ...]] = ("description", "analysis")

    class Meta:
        verbose_name = _("comment or complaint")
        verbose_name_plural = _("comments and complaints")
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["unit", "received_on"]), models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("complaints:detail", args=[self.pk])

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.reference:
            self.reference = rules.new_reference()
            while Complaint.objects.filter(reference=self.reference).exists():
                self.reference = rules.new_reference()
        super().save(*args, **kwargs)

    def text_visible_to(self, user: Any) -> bool:
        """Whether ``user`` may read the text: anyone who sees the record; if confidential, chiefs over the unit."""
        if not self.confidential or user.is_superuser:
            return True
        return holds(user, CHIEFS | ADMINS, self.unit)

    def guard_transition(self, new: str, *, by: Any, note: str) -> None:
        if new == ComplaintStatus.CLOSED and self.wants_reply and not self.replied_on:
            raise TransitionRefused(
                gettext("The sender asked for a reply: record when they were answered before closing.")
            )
        if self.status == ComplaintStatus.CLOSED and not note.strip():
            raise TransitionRefused(gettext("Write why it is reopened."))


class ComplaintStatusChange(StatusChangeBase):
    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="status_changes")
