from django.db import migrations


def seed(apps, schema_editor):
    from rules.engine.lpr import LPR_SEED

    LprRate = apps.get_model("rules", "LprRate")
    for effective_on, rate in LPR_SEED:
        LprRate.objects.get_or_create(effective_on=effective_on, defaults={"one_year_rate": rate})


class Migration(migrations.Migration):
    dependencies = [("rules", "0001_lpr_rate")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
