from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.choices import Role
from accounts.tests.factories import person_with_role
from staff.models import StaffFigure
from staff.tests.test_staff_import import SEED


def test_the_upload_page_imports_a_file_and_lists_every_error_of_a_bad_one(client, tree):
    client.force_login(person_with_role(Role.KVALITETSUTVECKLARE, tree.root))
    bad = SEED.format(u=tree.root.code, year=2022).replace("1 032", "1 033")
    page = client.post("/personal/importera/", {"file": SimpleUploadedFile("p.csv", bad.encode())})
    assert "Inget importerades" in page.content.decode() and "Rad 4, kolumn varde" in page.content.decode()
    assert not StaffFigure.objects.exists()
    good = SEED.format(u=tree.root.code, year=2022).encode()
    assert client.post("/personal/importera/", {"file": SimpleUploadedFile("p.csv", good)}).status_code == 302
    assert StaffFigure.objects.count() == 9


def test_a_reader_cannot_open_the_upload_page(client, tree):
    client.force_login(person_with_role(Role.MEDARBETARE, tree.a))
    assert client.get("/personal/importera/").status_code == 403
