import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.filters import SubtreeFilter

from .choices import Category, Channel, ComplaintKind, ComplaintStatus
from .models import Complaint


class ComplaintFilter(django_filters.FilterSet):
    reference = django_filters.CharFilter(label=_("Reference"), lookup_expr="iexact")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ComplaintKind.choices)
    category = django_filters.ChoiceFilter(label=_("Concerns"), choices=Category.choices)
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=Channel.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ComplaintStatus.choices)
    unit = SubtreeFilter()
    received_from = django_filters.DateFilter(
        label=_("Received from"),
        field_name="received_on",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    received_to = django_filters.DateFilter(
        label=_("Received to"),
        field_name="received_on",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Complaint
        fields = ["reference", "kind", "category", "channel", "status", "unit"]
