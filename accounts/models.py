"""People, and their roles at units of the organisation."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import AuditedModel, BaseRecord
from core.scope import EVERYONE, Access, Perm, ScopedQuerySet, within_held

from .choices import ADMINS, CHIEFS, Role


class MembershipQuerySet(ScopedQuerySet):
    def active(self, on: dt.date | None = None) -> MembershipQuerySet:
        on = on or timezone.localdate()
        return self.filter(Q(valid_from__lte=on), Q(valid_to__isnull=True) | Q(valid_to__gte=on))


class UserQuerySet(ScopedQuerySet):
    def visible_to(self, user: Any, perm: Perm = Perm.VIEW) -> UserQuerySet:
        """People with a membership (past or present) at a unit in the user's scope for memberships."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        roles = Membership.access.roles(perm)
        if user.is_superuser or roles is EVERYONE:
            return self
        memberships = Membership.objects.filter(user=OuterRef("pk")).filter(within_held(user, roles))
        own = Q(pk=user.pk) if perm == Perm.VIEW else Q(pk__in=[])
        return self.filter(own | Q(Exists(memberships)))


class UserManager(DjangoUserManager.from_queryset(UserQuerySet)):
    pass


class User(AuditedModel, AbstractUser):
    """A person who signs in. No personnummer is ever stored: people are known by username."""

    title = models.CharField(_("job title"), max_length=200, blank=True)

    audit_exclude = frozenset({"last_login"})
    audit_redact = frozenset({"password"})
    text_gate_exempt = frozenset({"password"})
    sensitive = True
    scope_path: ClassVar[str] = "memberships__unit__path"

    objects = UserManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_absolute_url(self) -> str:
        return reverse("accounts:person_detail", args=[self.pk])

    def scope_unit(self):
        membership = self.memberships.select_related("unit").order_by("-unit__depth").first()
        return membership.unit if membership else None

    def units_with_role(self, *roles: str):
        """The active units where the person holds one of ``roles`` (all roles when none are named)."""
        from organisation.models import Unit

        memberships = Membership.objects.active().filter(user=self)
        if roles:
            memberships = memberships.filter(role__in=roles)
        return Unit.objects.filter(pk__in=memberships.values("unit"))


class Membership(BaseRecord):
    """A person's role at a unit, covering the unit's subtree, for a span of dates. Ended, never deleted."""

    user = models.ForeignKey(User, verbose_name=_("person"), on_delete=models.PROTECT, related_name="memberships")
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    valid_from = models.DateField(_("valid from"), default=timezone.localdate)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    access: ClassVar[Access] = Access(view=CHIEFS | ADMINS, change=ADMINS)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["unit__path", "role", "user__last_name"]
        indexes = [models.Index(fields=["user", "valid_to"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}, {self.unit}"

    def get_absolute_url(self) -> str:
        return reverse("accounts:membership_detail", args=[self.pk])

    @property
    def is_current(self) -> bool:
        today = timezone.localdate()
        return self.valid_from <= today and (self.valid_to is None or self.valid_to >= today)

    def clean(self) -> None:
        if self.valid_to and self.valid_from and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The end date must not be before the start date.")})


User.access = Membership.access


class CalendarFeed(models.Model):
    """A secret address for a person's årshjul in Outlook or another calendar; replaced, never shown to others."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return f"{self.user}"

    @classmethod
    def renew(cls, user: User) -> CalendarFeed:
        import secrets

        feed, _created = cls.objects.update_or_create(user=user, defaults={"token": secrets.token_urlsafe(32)})
        return feed
