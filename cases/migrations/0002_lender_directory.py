from django.db import migrations


def seed(apps, schema_editor):
    from cases.lender_directory import LENDERS

    Lender = apps.get_model("cases", "Lender")
    for name, short, products, kind, regulator, channel in LENDERS:
        Lender.objects.update_or_create(
            name=name,
            defaults={
                "short_name": short,
                "products": products,
                "lender_type": kind,
                "regulator": regulator,
                "complaint_channel": channel,
            },
        )


def unseed(apps, schema_editor):
    from cases.lender_directory import LENDERS

    apps.get_model("cases", "Lender").objects.filter(name__in=[row[0] for row in LENDERS]).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
