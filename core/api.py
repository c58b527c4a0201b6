"""Base API pieces: every endpoint reaches records through the same scope query as the pages."""

from __future__ import annotations

import copy
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models, transaction
from django.db.models import Prefetch
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from audit import log as audit_log
from audit.choices import Event, Source
from audit.context import set_actor

from . import textgate
from .scope import Perm, can, can_change, has_access, relation_choices
from .workflow import TransitionRefused


def exception_handler(error, context):
    """DRF's handler, which also answers a Django ``ValidationError`` raised by a model's save (the text gate, a
    rule) with 400 and the messages per field, as a serializer's own refusal would be."""
    if isinstance(error, DjangoValidationError):
        error = serializers.ValidationError(
            error.message_dict if hasattr(error, "error_dict") else {"non_field_errors": error.messages}
        )
    return drf_exception_handler(error, context)


class ScopedPermission(permissions.BasePermission):
    """Refuses a caller who holds no role that may view (GET) or change (other methods) the model."""

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return has_access(request.user, Perm.VIEW, view.model)
        if getattr(view, "action", None) == "create":
            return has_access(request.user, Perm.CREATE, view.model)
        # Owners may change their own records where the model allows (checked per object).
        return has_access(request.user, Perm.CHANGE, view.model, as_owner=True)


def refuse_personnummer(attrs: dict) -> None:
    """Refuse, naming the fields, any text the text gate refuses (the API's half of the forms' check)."""
    refused = {name: [message] for name, v in attrs.items() if isinstance(v, str) and (message := textgate.problem(v))}
    if refused:
        raise serializers.ValidationError(refused)


class ScopedSerializer(serializers.ModelSerializer):
    """Relation fields (units, people, linked records) offer and accept only what the caller's scope allows:
    :func:`core.scope.relation_choices`, the rule the forms share."""

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is None:
            return fields
        model = self.Meta.model
        instance = self.instance if isinstance(self.instance, models.Model) else None
        perm = Perm.CHANGE if instance is not None else Perm.CREATE
        for name, field in fields.items():
            relation = getattr(field, "child_relation", field)
            if field.read_only or not isinstance(relation, serializers.RelatedField):
                continue
            source = field.source or name
            relation.queryset = relation_choices(request.user, model, source, perm, instance)
        return fields

    def validate(self, attrs):
        """Run the model's own ``clean()`` so the API refuses what the forms refuse, with the same messages."""
        refuse_personnummer(attrs)
        model = self.Meta.model
        instance = copy.copy(self.instance) if self.instance is not None else model()
        many = {f.name for f in model._meta.many_to_many}
        for name, value in attrs.items():
            if name not in many:
                setattr(instance, name, value)
        try:
            instance.clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        return attrs


class ScopedViewSetMixin:
    """Scope, audit actor and sensitive-read logging shared by every API viewset."""

    model: Any
    list_select_related: tuple[str, ...] = ()
    permission_classes = [permissions.IsAuthenticated, ScopedPermission]

    def initial(self, request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        # Token-authenticated callers are only known here, after DRF has authenticated them.
        set_actor(request.user, Source.API)

    def get_queryset(self):
        qs = self.model.objects.visible_to(self.request.user, Perm.VIEW)
        return qs.select_related(*self.list_select_related) if self.list_select_related else qs

    def linked(self, name: str) -> Prefetch:
        """A record's links (``"actions"``) loaded through the one gate: the API lists only the linked records
        the caller may see, as the pages do (``core.scope.links``)."""
        related = self.model._meta.get_field(name).related_model
        return Prefetch(name, related.objects.visible_to(self.request.user))

    def get_object(self):
        obj = super().get_object()
        if self.request.method not in permissions.SAFE_METHODS and not can_change(self.request.user, obj):
            raise PermissionDenied
        return obj

    def list(self, request, *args: Any, **kwargs: Any):
        """The page of records; for a sensitive model one log entry per page read: who, what filter, how many rows."""
        response = super().list(request, *args, **kwargs)
        if self.model.sensitive:
            rows = response.data.get("results", []) if isinstance(response.data, dict) else response.data
            audit_log.record(
                Event.READ,
                model=self.model,
                note=gettext("API list: %(count)d rows, filter: %(query)s")
                % {"count": len(rows), "query": audit_log.logged_filter(request.query_params.urlencode())},
            )
        return response

    def retrieve(self, request, *args: Any, **kwargs: Any):
        instance = self.get_object()
        if self.model.sensitive:
            audit_log.record(Event.READ, instance)
        return Response(self.get_serializer(instance).data)


class ScopedReadOnlyViewSet(ScopedViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """List and retrieve within scope."""


class ScopedViewSet(ScopedViewSetMixin, viewsets.ModelViewSet):
    """List, retrieve, create and update within scope; records are closed, never deleted, so no DELETE."""

    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def create_extra(self) -> dict[str, Any]:
        """Values a new record gets from the request rather than the payload (e.g. its reporter)."""
        return {}

    def _save_in_scope(self, serializer, **extra: Any) -> None:
        with transaction.atomic():
            creating = serializer.instance is None
            instance = serializer.save(**extra)
            allowed = (
                can(self.request.user, Perm.CREATE, self.model, instance.scope_unit())
                if creating
                else can_change(self.request.user, instance)
            )
            if not allowed:
                raise PermissionDenied  # rolls the save (and its log entry) back

    def perform_create(self, serializer) -> None:
        self._save_in_scope(serializer, **self.create_extra())

    def perform_update(self, serializer) -> None:
        self._save_in_scope(serializer)


class TransitionSerializer(serializers.Serializer):
    status = serializers.CharField()
    note = serializers.CharField(required=False, allow_blank=True, default="")

    def validate(self, attrs):
        refuse_personnummer(attrs)
        return attrs


class TransitionViewSetMixin:
    """``POST {id}/transition/ {"status": ..., "note": ...}``: the only way the API changes a status."""

    @extend_schema(request=TransitionSerializer)
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        instance = self.get_object()
        data = TransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            instance.transition_to(data.validated_data["status"], by=request.user, note=data.validated_data["note"])
        except TransitionRefused as refusal:
            raise serializers.ValidationError({"status": refusal.messages}) from refusal
        return Response(self.get_serializer(instance).data)
