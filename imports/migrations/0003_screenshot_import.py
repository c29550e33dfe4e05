import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("imports", "0002_batch_partial_and_ran_by"),
    ]

    operations = [
        migrations.AddField(
            model_name="importbatch",
            name="source",
            field=models.CharField(
                choices=[("backup", "Phone backup"), ("screenshots", "Screenshots")],
                default="backup",
                max_length=12,
            ),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="taken_on",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="stagedmessage",
            name="note",
            field=models.CharField(blank=True, max_length=300),
        ),
        migrations.AddField(
            model_name="stagedmessage",
            name="region",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AlterField(
            model_name="stagedmessage",
            name="kind",
            field=models.CharField(
                choices=[
                    ("sms", "Text message"),
                    ("mms", "Multimedia message"),
                    ("im", "Chat message"),
                    ("call", "Phone call"),
                ],
                max_length=4,
            ),
        ),
        migrations.CreateModel(
            name="Screenshot",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("position", models.PositiveSmallIntegerField()),
                ("original_name", models.CharField(max_length=255)),
                ("stored_name", models.CharField(max_length=300)),
                ("content_type", models.CharField(max_length=100)),
                ("size", models.PositiveIntegerField()),
                ("sha256", models.CharField(max_length=64)),
                ("width", models.PositiveIntegerField(default=0)),
                ("height", models.PositiveIntegerField(default=0)),
                ("taken_on", models.DateField(blank=True, null=True)),
                (
                    "layout",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("sms", "Text messages"),
                            ("im", "Chat app"),
                            ("call", "Call log"),
                            ("unknown", "Not recognised"),
                        ],
                        max_length=8,
                    ),
                ),
                ("sender", models.CharField(blank=True, max_length=200)),
                ("ocr_text", models.TextField(blank=True)),
                (
                    "batch",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="screenshots",
                        to="imports.importbatch",
                    ),
                ),
            ],
            options={"ordering": ["position", "id"]},
        ),
        migrations.AddField(
            model_name="stagedmessage",
            name="screenshot",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="messages",
                to="imports.screenshot",
            ),
        ),
        migrations.AddConstraint(
            model_name="screenshot",
            constraint=models.UniqueConstraint(fields=("batch", "position"), name="screenshot_position_unique"),
        ),
    ]
