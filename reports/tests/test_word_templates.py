"""A municipality's own Word template: its fixed texts and styles carry into the document; a template without
the content placeholder is refused."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reports.models import ReportVersion, WordTemplate
from reports.tests.records import YEAR


@pytest.fixture
def tree(shared_tree, records):
    """The module's tree, holding the seed-shaped records built once for the module."""
    return shared_tree


def template(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def upload(client, tree, data: bytes):
    return client.post(
        "/rapporter/mallar/ny/",
        {
            "name": "Kommunens mall",
            "unit": tree.root.pk,
            "is_active": "on",
            "file": SimpleUploadedFile("mall.docx", data),
        },
    )


def test_a_template_without_the_content_placeholder_is_refused(records, client, tree):
    client.force_login(records.planner)
    page = upload(client, tree, template("{{ titel }}"))
    assert "innehall" in page.content.decode() and not WordTemplate.objects.exists()
    page = upload(client, tree, b"not a word file")
    assert "Word" in page.content.decode() and not WordTemplate.objects.exists()


def test_the_municipalitys_template_gives_the_document_its_fixed_texts(records, client, tree):
    client.force_login(records.planner)
    assert (
        upload(
            client,
            tree,
            template("Exempelkommuns logotyp", "{{ titel }} – {{ enhet }}", "{{p innehall }}", "Fast text i slutet"),
        ).status_code
        == 302
    )
    chosen = WordTemplate.objects.get()
    client.post(
        f"/rapporter/generera/?kind=kvalitetsplan&year={YEAR}&period=&unit={tree.root.pk}", {"template": chosen.pk}
    )
    version = ReportVersion.objects.get()
    assert version.template == chosen
    texts = [p.text for p in docx.Document(version.docx.open("rb")).paragraphs]
    assert texts[0] == "Exempelkommuns logotyp"
    assert texts[1] == f"Kvalitetsplan {YEAR} – Socialnämnden"
    assert texts[-1] == "Fast text i slutet"
    assert "Inledning" in texts
