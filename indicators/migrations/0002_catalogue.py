from django.db import migrations


def load_catalogue(apps, schema_editor):
    """The standard IFO indicators, created once; an existing code is left as the municipality has it."""
    from indicators.catalogue import ensure_catalogue

    ensure_catalogue(apps.get_model("indicators", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]

    operations = [migrations.RunPython(load_catalogue, migrations.RunPython.noop)]
