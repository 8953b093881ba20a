# The indexes the host site's event page gets from EventPageMixin.Meta.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('hostsite', '0001_initial'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['start', 'end'], name='hostsite_eventpage_start'),
        ),
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['end'], name='hostsite_eventpage_end'),
        ),
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['registration_mode'], name='hostsite_eventpage_reg'),
        ),
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['status'], name='hostsite_eventpage_status'),
        ),
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['attendance_mode'], name='hostsite_eventpage_att'),
        ),
    ]
