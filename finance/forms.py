from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ImportFileForm
from core.scope import Perm, units_where
from organisation.models import FollowUpPoint

from .choices import Breakdown, Ledger
from .models import FinanceReport


class StatementForm(ImportFileForm):
    point = forms.ModelChoiceField(label=_("Follow-up point"), queryset=FollowUpPoint.objects.none())
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None)
    ledger = forms.ChoiceField(label=_("Ledger"), choices=Ledger.choices)
    breakdown = forms.ChoiceField(label=_("Breakdown"), choices=Breakdown.choices)
    field_order = ["point", "unit", "ledger", "breakdown", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["point"].queryset = FollowUpPoint.objects.select_related("period").order_by("-ends_on")
        self.fields["unit"].queryset = units_where(self.user, Perm.CHANGE, FinanceReport).order_by("path")
