"""The root-cause categories the seed reports use (Huddinge IFO kvalitetsberättelse 2023)."""

from django.db import migrations

DEFAULTS = [
    "Kommunikation och information",
    "Omgivning och organisation",
    "Processer och rutiner",
    "Teknisk utrustning",
    "Utbildning och kompetens",
    "Annat",
    "Ingen avvikelse",
]


def forwards(apps, schema_editor):
    RootCause = apps.get_model("deviations", "RootCause")
    for order, name in enumerate(DEFAULTS, start=1):
        RootCause.objects.get_or_create(name=name, defaults={"order": order})


class Migration(migrations.Migration):
    dependencies = [("deviations", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
