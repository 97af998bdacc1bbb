"""Reports are placed in their cases by the task worker: the article text is kept until then."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("corrigo_reports", "0002_antispam"),
    ]

    operations = [
        migrations.RenameField(model_name="report", old_name="held_text", new_name="article_text"),
        migrations.AlterField(
            model_name="report",
            name="article_text",
            field=models.TextField(blank=True, editable=False, verbose_name="article text the reader saw"),
        ),
        migrations.AddIndex(
            model_name="report",
            index=models.Index(
                condition=models.Q(("case__isnull", True), ("verdict", "accepted")),
                fields=["created_at"],
                name="report_waiting",
            ),
        ),
    ]
