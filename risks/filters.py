import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.filters import SearchFilter, SubtreeFilter

from . import rules
from .models import Risk, review_months


class RiskFilter(django_filters.FilterSet):
    q = SearchFilter(fields=("title", "description", "area", "comment"))
    area = django_filters.CharFilter(label=_("Process or area"), lookup_expr="iexact")
    unit = SubtreeFilter()
    probability = django_filters.NumberFilter(label=_("Probability"))
    consequence = django_filters.NumberFilter(label=_("Consequence"))
    level_min = django_filters.NumberFilter(label=_("Risk level at least"), field_name="level", lookup_expr="gte")
    needs_review = django_filters.BooleanFilter(label=_("Needs review"), method="filter_needs_review")
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = Risk
        fields = ["q", "area", "unit", "probability", "consequence", "level_min", "needs_review", "is_active"]

    def filter_needs_review(self, queryset, name, value):
        if value is None:
            return queryset
        # due < today  ⇔  last assessed before (today − interval)
        cutoff = rules.review_due(timezone.localdate(), -review_months())
        due = queryset.filter(is_active=True, last_assessed_on__lt=cutoff)
        return due if value else queryset.exclude(pk__in=due.values("pk"))
