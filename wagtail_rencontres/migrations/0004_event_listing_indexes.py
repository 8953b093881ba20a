# Indexes behind the event listings' filters and sorts (see EventPageMixin.Meta).

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('wagtail_rencontres', '0003_change_stamp'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['start', 'end'], name='wagtail_ren_eventpage_start'),
        ),
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['end'], name='wagtail_ren_eventpage_end'),
        ),
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['registration_mode'], name='wagtail_ren_eventpage_reg'),
        ),
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['status'], name='wagtail_ren_eventpage_status'),
        ),
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['attendance_mode'], name='wagtail_ren_eventpage_att'),
        ),
    ]
