from django.db import migrations


def load_catalogue(apps, schema_editor):
    """The standard IFO indicators, created once; an existing code is left as the municipality has it."""
    from indicators.catalogue import CATALOGUE

    Indicator = apps.get_model("indicators", "Indicator")
    for code, name, measure, better, split, source, description in CATALOGUE:
        Indicator.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "measure": measure,
                "better": better,
                "gender_split": split,
                "source": source,
                "description": description,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]

    operations = [migrations.RunPython(load_catalogue, migrations.RunPython.noop)]
