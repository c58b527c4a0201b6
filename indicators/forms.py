from django.utils.translation import gettext_lazy as _

from core.forms import ScopedModelForm
from organisation.models import FollowUpPoint

from .models import Indicator, Result, Target

# The fields a person edits, on the page and through the API alike.
INDICATOR_FIELDS = [
    "code",
    "name",
    "description",
    "measure",
    "better",
    "gender_split",
    "source",
    "kolada_kpi",
    "survey_question",
    "unit",
    "responsible",
    "target_value",
    "target_year",
    "in_reports",
    "is_active",
]


class IndicatorForm(ScopedModelForm):
    class Meta:
        model = Indicator
        fields = INDICATOR_FIELDS


class TargetForm(ScopedModelForm):
    class Meta:
        model = Target
        fields = ["year", "unit", "value"]


class ResultForm(ScopedModelForm):
    """An utfall: a share from its numerator and denominator, anything else as a value."""

    class Meta:
        model = Result
        fields = ["point", "unit", "gender", "numerator", "denominator", "value", "source", "source_note", "comment"]

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.indicator = indicator
        self.fields["point"].queryset = FollowUpPoint.objects.select_related("period").order_by(
            "-period__year", "order"
        )
        self.fields["gender"].choices = [
            (g, label) for g, label in self.fields["gender"].choices if g in indicator.genders
        ]
        self.fields["value"].required = False
        if indicator.is_share:
            self.fields["value"].help_text = _("Left empty for a share: computed from the numerator and denominator.")

    def validate_unique(self):
        # The form does not hold ``indicator``, so the cell's uniqueness is checked here with it.
        super().validate_unique()
        data = self.cleaned_data
        if {"point", "unit", "gender"} <= data.keys():
            taken = Result.objects.filter(
                indicator=self.instance.indicator, point=data["point"], unit=data["unit"], gender=data["gender"]
            ).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "point", _("There is already a result for this point, unit and gender; change that one instead.")
                )
