from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from surveys.models import Survey
from surveys.tests.test_survey_import import rows


def test_the_upload_page_imports_a_survey_and_names_the_bad_row_of_a_refused_file(client, tree):
    client.force_login(person_with_role(Role.KVALITETSUTVECKLARE, tree.root))
    bad = rows(tree.a1, "Q1;Får du hjälp?;91,7;88", "Q2;Trivs du?;195;93")
    page = client.post("/brukarundersokningar/importera/", {"file": SimpleUploadedFile("b.csv", bad)})
    assert "Rad 3, kolumn andel_positiva" in page.content.decode()
    assert not Survey.objects.exists()
    good = rows(tree.a1, "Q1;Får du hjälp?;91,7;88")
    response = client.post("/brukarundersokningar/importera/", {"file": SimpleUploadedFile("b.csv", good)})
    assert response.status_code == 302
    assert Survey.objects.get().response_rate is not None
