import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.filters import DayFilter, SearchFilter, SubtreeFilter

from .choices import Event, Source
from .models import AuditEntry

AUDITED_APPS = ("organisation", "accounts", "audit")


class AuditEntryFilter(django_filters.FilterSet):
    person = django_filters.CharFilter(label=_("Person"), method="filter_person")
    actor = django_filters.NumberFilter(label=_("Person (id)"), field_name="actor_id")
    record = SearchFilter(label=_("Record"), fields=("object_repr",))
    content_type = django_filters.ModelChoiceFilter(
        label=_("Record type"), queryset=ContentType.objects.filter(app_label__in=AUDITED_APPS).order_by("model")
    )
    object_id = django_filters.CharFilter(label=_("Record id"))
    unit = SubtreeFilter()
    action = django_filters.ChoiceFilter(label=_("Event"), choices=Event.choices)
    source = django_filters.ChoiceFilter(label=_("Channel"), choices=Source.choices)
    date_from = DayFilter(label=_("From date"), field_name="at")
    date_to = DayFilter(label=_("To date"), field_name="at", until=True)

    class Meta:
        model = AuditEntry
        fields = ["person", "actor", "record", "content_type", "object_id", "unit", "action", "source"]

    def filter_person(self, queryset, name, value):
        """Entries by the people whose username or name matches every word given.

        People are looked up first (a small table), so the log is filtered on its indexed actor column.
        """
        people = User.objects.all()
        for word in value.split():
            people = people.filter(
                Q(username__iexact=word) | Q(first_name__icontains=word) | Q(last_name__icontains=word)
            )
        # Resolved to ids first: a handful of people, so the planner uses the (actor, at) index.
        return queryset.filter(actor_id__in=list(people.values_list("pk", flat=True)[:1000]))
