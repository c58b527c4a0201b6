import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import SearchFilter, SubtreeFilter

from .choices import ActionStatus
from .models import Action


class ActionFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("title", "description", "follow_up"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ActionStatus.choices)
    unit = SubtreeFilter()
    responsible = django_filters.NumberFilter(label=_("Responsible (id)"), field_name="responsible_id")
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")
    due_before = django_filters.DateFilter(label=_("Due before"), field_name="due_on", lookup_expr="lte")

    class Meta:
        model = Action
        fields = ["q", "status", "unit", "responsible", "overdue", "due_before"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = {"due_on__lt": timezone.localdate()}
        late = queryset.open().filter(**overdue)
        return late if value else queryset.exclude(pk__in=late.values("pk"))
