from django import forms
from django.core.validators import FileExtensionValidator
from django.utils.translation import gettext_lazy as _

from core.scope import Perm, units_where
from organisation.models import FollowUpPoint

from .choices import Breakdown, Ledger
from .models import FinanceReport


class StatementForm(forms.Form):
    point = forms.ModelChoiceField(label=_("Follow-up point"), queryset=FollowUpPoint.objects.none())
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=None)
    ledger = forms.ChoiceField(label=_("Ledger"), choices=Ledger.choices)
    breakdown = forms.ChoiceField(label=_("Breakdown"), choices=Breakdown.choices)
    file = forms.FileField(
        label=_("File"),
        validators=[FileExtensionValidator(["csv", "xlsx"])],
        help_text=_("Columns niva, namn, budget, prognos, utfall and summa (ja on a total row)."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["point"].queryset = FollowUpPoint.objects.select_related("period").order_by("-ends_on")
        self.fields["unit"].queryset = units_where(user, Perm.CHANGE, FinanceReport).order_by("path")
