# Indexes behind the change stamp's next boundary (see EventPageMixin.Meta).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('wagtail_rencontres', '0004_event_listing_indexes'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['registration_opens_at'], name='wagtail_ren_eventpage_opens'),
        ),
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['registration_closes_at'], name='wagtail_ren_eventpage_closes'),
        ),
    ]
