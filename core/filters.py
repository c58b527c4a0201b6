"""Filters shared by the FilterSets of every app (one FilterSet per model serves page, API and export)."""

from __future__ import annotations

import datetime as dt

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .params import BadParameter, unit_id


def _units():
    from organisation.models import Unit

    return Unit.objects.filter(is_active=True)


@extend_schema_field(OpenApiTypes.INT)
class SubtreeFilter(django_filters.ModelChoiceFilter):
    """Records of a unit and every unit under it. ``path_lookup`` leads from the model to the unit path."""

    def __init__(self, *args, path_lookup: str = "unit__path", **kwargs):
        kwargs.setdefault("queryset", _units())
        kwargs.setdefault("label", _("Unit (including its sub-units)"))
        self.path_lookup = path_lookup
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.path_lookup}__startswith": value.path})


class SearchFilter(django_filters.CharFilter):
    """Free-text search over a few text fields (case-insensitive contains)."""

    def __init__(self, *args, fields: tuple[str, ...] = (), **kwargs):
        kwargs.setdefault("label", _("Search"))
        self.search_fields = fields
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        q = Q()
        for name in self.search_fields:
            q |= Q(**{f"{name}__icontains": value.strip()})
        return qs.filter(q)


def start_of_day(day: dt.date) -> dt.datetime:
    """The first instant of a day in the local time zone (Europe/Stockholm)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def within_days(field: str, first: dt.date, last: dt.date) -> Q:
    """A date-time field from the start of ``first`` to the end of ``last`` (local days), as a range of instants:
    the field's index is used, where a ``__date`` lookup converts every row's time zone first."""
    return Q(**{f"{field}__gte": start_of_day(first), f"{field}__lt": start_of_day(last + dt.timedelta(days=1))})


class DayFilter(django_filters.DateFilter):
    """A date-time field from a day (``until=False``) or up to and including it (``until=True``), local days."""

    def __init__(self, *args, until: bool = False, **kwargs):
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}))
        self.until = until
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        if self.until:
            return qs.filter(**{f"{self.field_name}__lt": start_of_day(value + dt.timedelta(days=1))})
        return qs.filter(**{f"{self.field_name}__gte": start_of_day(value)})


def chosen_unit(request):
    """The unit picked in a page's ``unit`` parameter, None when absent; a value that names no unit is a 400."""
    from organisation.models import Unit

    pk = unit_id(request)
    if pk is None:
        return None
    unit = Unit.objects.filter(pk=pk).first()
    if unit is None:
        raise BadParameter(_("There is no unit number %(value)d.") % {"value": pk})
    return unit
