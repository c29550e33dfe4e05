from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="importbatch",
            name="partial",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="truncated",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="ran_by",
            field=models.CharField(blank=True, max_length=200),
        ),
    ]
