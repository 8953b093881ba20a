# The relations that point at the event and cycle page models. They follow
# WAGTAILRENCONTRES_EVENTPAGE_MODEL and WAGTAILRENCONTRES_CYCLEPAGE_MODEL: with a
# site's own page classes, this runs after the first migration of the site's app
# that defines them, itself after wagtail_rencontres (see docs/reference/models.md).

import django.db.models.deletion
import modelcluster.fields
import swapper
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtail_rencontres", "0001_initial"),
        swapper.dependency("wagtail_rencontres", "EventPage"),
        swapper.dependency("wagtail_rencontres", "CyclePage"),
    ]

    operations = [
        migrations.CreateModel(
            name="CycleRegistrationFormField",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "clean_name",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="Safe name of the form field, the label converted to ascii_snake_case",
                        max_length=255,
                        verbose_name="name",
                    ),
                ),
                (
                    "label",
                    models.CharField(
                        help_text="The label of the form field",
                        max_length=255,
                        verbose_name="label",
                    ),
                ),
                (
                    "field_type",
                    models.CharField(
                        choices=[
                            ("singleline", "Single line text"),
                            ("multiline", "Multi-line text"),
                            ("email", "Email"),
                            ("number", "Number"),
                            ("url", "URL"),
                            ("checkbox", "Checkbox"),
                            ("checkboxes", "Checkboxes"),
                            ("dropdown", "Drop down"),
                            ("multiselect", "Multiple select"),
                            ("radio", "Radio buttons"),
                            ("date", "Date"),
                            ("datetime", "Date/time"),
                            ("hidden", "Hidden field"),
                        ],
                        max_length=16,
                        verbose_name="field type",
                    ),
                ),
                ("required", models.BooleanField(default=True, verbose_name="required")),
                (
                    "choices",
                    models.TextField(
                        blank=True,
                        help_text="Comma or new line separated list of choices. Only applicable in checkboxes, radio and dropdown.",
                        verbose_name="choices",
                    ),
                ),
                (
                    "default_value",
                    models.TextField(
                        blank=True,
                        help_text="Default value. Comma or new line separated values supported for checkboxes.",
                        verbose_name="default value",
                    ),
                ),
                (
                    "help_text",
                    models.CharField(blank=True, max_length=255, verbose_name="help text"),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="registration_fields",
                        to=swapper.get_model_name("wagtail_rencontres", "CyclePage"),
                    ),
                ),
            ],
            options={
                "verbose_name": "registration question",
                "verbose_name_plural": "registration questions",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="EventPartner",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("organiser", "Organiser"),
                            ("co_organiser", "Co-organiser"),
                            ("partner", "Partner"),
                            ("funder", "Co-funder"),
                        ],
                        default="organiser",
                        help_text="Organiser, co-organiser, partner or co-funder.",
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                (
                    "details",
                    models.CharField(
                        blank=True,
                        help_text="Optional precision shown beside the logo, for example “with the support of”.",
                        max_length=255,
                        verbose_name="details",
                    ),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="partners",
                        to=swapper.get_model_name("wagtail_rencontres", "EventPage"),
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        help_text="Chosen among the organisations managed under Rencontres.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtail_rencontres.organisation",
                        verbose_name="organisation",
                    ),
                ),
            ],
            options={
                "verbose_name": "organiser or partner",
                "verbose_name_plural": "organisers and partners",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="CyclePartner",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("organiser", "Organiser"),
                            ("co_organiser", "Co-organiser"),
                            ("partner", "Partner"),
                            ("funder", "Co-funder"),
                        ],
                        default="organiser",
                        help_text="Organiser, co-organiser, partner or co-funder.",
                        max_length=20,
                        verbose_name="role",
                    ),
                ),
                (
                    "details",
                    models.CharField(
                        blank=True,
                        help_text="Optional precision shown beside the logo, for example “with the support of”.",
                        max_length=255,
                        verbose_name="details",
                    ),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="partners",
                        to=swapper.get_model_name("wagtail_rencontres", "CyclePage"),
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        help_text="Chosen among the organisations managed under Rencontres.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtail_rencontres.organisation",
                        verbose_name="organisation",
                    ),
                ),
            ],
            options={
                "verbose_name": "organiser or partner",
                "verbose_name_plural": "organisers and partners",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="RegistrationFormField",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "clean_name",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="Safe name of the form field, the label converted to ascii_snake_case",
                        max_length=255,
                        verbose_name="name",
                    ),
                ),
                (
                    "label",
                    models.CharField(
                        help_text="The label of the form field",
                        max_length=255,
                        verbose_name="label",
                    ),
                ),
                (
                    "field_type",
                    models.CharField(
                        choices=[
                            ("singleline", "Single line text"),
                            ("multiline", "Multi-line text"),
                            ("email", "Email"),
                            ("number", "Number"),
                            ("url", "URL"),
                            ("checkbox", "Checkbox"),
                            ("checkboxes", "Checkboxes"),
                            ("dropdown", "Drop down"),
                            ("multiselect", "Multiple select"),
                            ("radio", "Radio buttons"),
                            ("date", "Date"),
                            ("datetime", "Date/time"),
                            ("hidden", "Hidden field"),
                        ],
                        max_length=16,
                        verbose_name="field type",
                    ),
                ),
                ("required", models.BooleanField(default=True, verbose_name="required")),
                (
                    "choices",
                    models.TextField(
                        blank=True,
                        help_text="Comma or new line separated list of choices. Only applicable in checkboxes, radio and dropdown.",
                        verbose_name="choices",
                    ),
                ),
                (
                    "default_value",
                    models.TextField(
                        blank=True,
                        help_text="Default value. Comma or new line separated values supported for checkboxes.",
                        verbose_name="default value",
                    ),
                ),
                (
                    "help_text",
                    models.CharField(blank=True, max_length=255, verbose_name="help text"),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="registration_fields",
                        to=swapper.get_model_name("wagtail_rencontres", "EventPage"),
                    ),
                ),
            ],
            options={
                "verbose_name": "registration question",
                "verbose_name_plural": "registration questions",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="EventSpeaker",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="speaker_links",
                        to=swapper.get_model_name("wagtail_rencontres", "EventPage"),
                        verbose_name="event",
                    ),
                ),
                (
                    "speaker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="event_links",
                        to="wagtail_rencontres.speaker",
                        verbose_name="speaker",
                    ),
                ),
            ],
            options={
                "verbose_name": "event speaker",
                "verbose_name_plural": "event speakers",
            },
        ),
        migrations.CreateModel(
            name="CycleSession",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "label",
                    models.CharField(
                        blank=True,
                        help_text="Optional, for example “Session 1” or “First sequence”.",
                        max_length=120,
                        verbose_name="label",
                    ),
                ),
                (
                    "cycle",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sessions",
                        to=swapper.get_model_name("wagtail_rencontres", "CyclePage"),
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        help_text="An event page that is a session of this cycle.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="cycle_sessions",
                        to=swapper.get_model_name("wagtail_rencontres", "EventPage"),
                        verbose_name="event",
                    ),
                ),
            ],
            options={
                "verbose_name": "session",
                "verbose_name_plural": "sessions",
                "ordering": ["sort_order"],
                "abstract": False,
                "unique_together": {("cycle", "event")},
            },
        ),
        migrations.AlterUniqueTogether(
            name="eventspeaker",
            unique_together={("event", "speaker")},
        ),
    ]
