# The change stamp's next-boundary indexes the host site's event page gets from EventPageMixin.Meta.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('hostsite', '0002_event_listing_indexes'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['registration_opens_at'], name='hostsite_eventpage_opens'),
        ),
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['registration_closes_at'], name='hostsite_eventpage_closes'),
        ),
    ]
