import factory

from complaints.models import Complaint
from organisation.tests.factories import UnitFactory


class ComplaintFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Complaint

    unit = factory.SubFactory(UnitFactory)
    description = "Jag fick vänta tre veckor på svar från handläggaren."
