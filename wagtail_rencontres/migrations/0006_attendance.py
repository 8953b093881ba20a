# Presences at events, per registration and local day (check-in, certificates).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('wagtail_rencontres', '0005_registration_dates_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='Attendance',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('day', models.DateField(help_text='Local day of the event.', verbose_name='day')),
                ('checked_in_at', models.DateTimeField(help_text='When the person was marked present.', verbose_name='checked in at')),
                ('checked_in_by', models.ForeignKey(help_text='Who marked the person present.', blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='checked in by')),
                ('event', models.ForeignKey(help_text="The event attended: for a cycle registration, the session's event.", on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.page', verbose_name='event')),
                ('registration', models.ForeignKey(help_text='The registration of the person present.', on_delete=django.db.models.deletion.CASCADE, related_name='attendances', to='wagtail_rencontres.registration', verbose_name='registration')),
            ],
            options={
                'verbose_name': 'attendance',
                'verbose_name_plural': 'attendances',
                'ordering': ['day', 'checked_in_at', 'pk'],
                'indexes': [models.Index(fields=['event', 'day'], name='rencontres_attendance_day')],
                'constraints': [models.UniqueConstraint(fields=('registration', 'event', 'day'), name='rencontres_attendance_unique')],
            },
        ),
    ]
