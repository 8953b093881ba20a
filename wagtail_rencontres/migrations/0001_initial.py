# Written for Wagtail 7.4 and 8.0: the image model (WAGTAILIMAGES_IMAGE_MODEL) is
# swappable, and the page relations live in 0002 so that a site's own page
# classes (WAGTAILRENCONTRES_*PAGE_MODEL) can be migrated in between.

import django.core.serializers.json
import django.db.models.deletion
import modelcluster.fields
import modelsearch.index
import uuid
import wagtail.contrib.routable_page.models
import wagtail.fields
import wagtail_rencontres.models.mixins
import wagtail_rencontres.validators
from django.db import migrations, models
from wagtail.images import get_image_model_string


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
        migrations.swappable_dependency(get_image_model_string()),
    ]

    operations = [
        migrations.CreateModel(
            name='AgendaPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('intro', wagtail.fields.RichTextField(blank=True, help_text='Shown above the list of events.', verbose_name='introduction')),
            ],
            options={
                'verbose_name': 'agenda',
                'verbose_name_plural': 'agendas',
                'swappable': 'WAGTAILRENCONTRES_AGENDAPAGE_MODEL',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='EventTombstone',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('page_id', models.PositiveBigIntegerField(db_index=True, verbose_name='page id')),
                ('uuid', models.UUIDField(verbose_name='uuid')),
                ('locale', models.CharField(blank=True, max_length=100, verbose_name='locale')),
                ('removed_at', models.DateTimeField(db_index=True, verbose_name='removed at')),
            ],
            options={
                'verbose_name': 'event tombstone',
                'verbose_name_plural': 'event tombstones',
                'ordering': ['removed_at', 'page_id'],
            },
        ),
        migrations.CreateModel(
            name='Audience',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(help_text='As shown to visitors.', max_length=255, verbose_name='name')),
                ('slug', models.SlugField(blank=True, help_text='Used in addresses and API filters. Filled from the name when left empty.', max_length=80, verbose_name='slug')),
                ('description', models.TextField(blank=True, help_text='Optional, shown on listing pages for this term.', verbose_name='description')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'audience',
                'verbose_name_plural': 'audiences',
                'ordering': ['name'],
                'abstract': False,
                'unique_together': {('slug', 'locale'), ('translation_key', 'locale')},
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='CyclePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('registration_mode', models.CharField(choices=[('none', 'No registration'), ('internal', 'Registration form on this site'), ('external', 'External registration link')], default='none', help_text='None, the form on this site, or a link to an external form.', max_length=10, verbose_name='registration')),
                ('registration_url', models.URLField(blank=True, help_text="For external registration: the organiser's form.", verbose_name='external registration link')),
                ('registration_link_label', models.CharField(blank=True, help_text="For example “S'inscrire sur le site de PQN-A”.", max_length=120, verbose_name='external link label')),
                ('registration_opens_at', models.DateTimeField(blank=True, help_text="Date and time in the event's timezone. Leave empty to open now.", null=True, verbose_name='registration opens')),
                ('registration_closes_at', models.DateTimeField(blank=True, help_text="Date and time in the event's timezone after which nobody can register.", null=True, verbose_name='registration deadline')),
                ('registration_capacity', models.PositiveIntegerField(blank=True, help_text='Leave empty for unlimited places. Every confirmed seat counts.', null=True, verbose_name='places')),
                ('registration_waitlist', models.BooleanField(default=True, help_text='When full, further registrations go to a waiting list.', verbose_name='waiting list')),
                ('registration_requires_approval', models.BooleanField(default=False, help_text="Registrations choosing a session restricted to some audiences wait for an editor's approval.", verbose_name='approve registrations to restricted sessions')),
                ('registration_consent_text', models.TextField(blank=True, help_text='Text of the consent checkbox. Each change is a new version; registrations keep the version they accepted. Leave empty for the site default.', verbose_name='consent text')),
                ('subtitle', models.TextField(blank=True, help_text='One or two sentences introducing the cycle.', verbose_name='subtitle (chapô)')),
                ('description', wagtail.fields.RichTextField(blank=True, help_text='What the cycle is about, for whom, and how it unfolds.', verbose_name='description')),
                ('timezone', models.CharField(default=wagtail_rencontres.models.mixins.default_timezone, help_text="IANA name, for example Europe/Paris. The cycle's registration dates are typed in this timezone; each session keeps its own.", max_length=64, validators=[wagtail_rencontres.validators.validate_timezone], verbose_name='timezone')),
                ('funding_statement', models.TextField(blank=True, help_text='Mention required by co-funders, shown with their logos.', verbose_name='funding statement')),
                ('documents', wagtail.fields.StreamField([('document', 2), ('link', 5)], blank=True, block_lookup={0: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave empty to use the document's title.", 'label': 'title', 'required': False}), 2: ('wagtail.blocks.StructBlock', [[('document', 0), ('title', 1)]], {}), 3: ('wagtail.blocks.CharBlock', (), {'label': 'label', 'max_length': 255}), 4: ('wagtail.blocks.URLBlock', (), {'label': 'address (URL)'}), 5: ('wagtail.blocks.StructBlock', [[('label', 3), ('url', 4)]], {})}, default=list, help_text='Leaflet, presentation, links.', verbose_name='documents and links')),
                ('image', models.ForeignKey(blank=True, help_text='Shown at the top of the page and in listings.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=get_image_model_string(), verbose_name='image')),
                ('audiences', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Who the cycle is meant for, used for filters.', related_name='+', to='wagtail_rencontres.audience', verbose_name='target audiences')),
            ],
            options={
                'verbose_name': 'cycle',
                'verbose_name_plural': 'cycles',
                'swappable': 'WAGTAILRENCONTRES_CYCLEPAGE_MODEL',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='EventFormat',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(help_text='As shown to visitors.', max_length=255, verbose_name='name')),
                ('slug', models.SlugField(blank=True, help_text='Used in addresses and API filters. Filled from the name when left empty.', max_length=80, verbose_name='slug')),
                ('description', models.TextField(blank=True, help_text='Optional, shown on listing pages for this term.', verbose_name='description')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'event format',
                'verbose_name_plural': 'event formats',
                'ordering': ['name'],
                'abstract': False,
                'unique_together': {('slug', 'locale'), ('translation_key', 'locale')},
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='EventPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                ('registration_mode', models.CharField(choices=[('none', 'No registration'), ('internal', 'Registration form on this site'), ('external', 'External registration link')], default='none', help_text='None, the form on this site, or a link to an external form.', max_length=10, verbose_name='registration')),
                ('registration_url', models.URLField(blank=True, help_text="For external registration: the organiser's form.", verbose_name='external registration link')),
                ('registration_link_label', models.CharField(blank=True, help_text="For example “S'inscrire sur le site de PQN-A”.", max_length=120, verbose_name='external link label')),
                ('registration_opens_at', models.DateTimeField(blank=True, help_text="Date and time in the event's timezone. Leave empty to open now.", null=True, verbose_name='registration opens')),
                ('registration_closes_at', models.DateTimeField(blank=True, help_text="Date and time in the event's timezone after which nobody can register.", null=True, verbose_name='registration deadline')),
                ('registration_capacity', models.PositiveIntegerField(blank=True, help_text='Leave empty for unlimited places. Every confirmed seat counts.', null=True, verbose_name='places')),
                ('registration_waitlist', models.BooleanField(default=True, help_text='When full, further registrations go to a waiting list.', verbose_name='waiting list')),
                ('registration_requires_approval', models.BooleanField(default=False, help_text="Registrations choosing a session restricted to some audiences wait for an editor's approval.", verbose_name='approve registrations to restricted sessions')),
                ('registration_consent_text', models.TextField(blank=True, help_text='Text of the consent checkbox. Each change is a new version; registrations keep the version they accepted. Leave empty for the site default.', verbose_name='consent text')),
                ('subtitle', models.TextField(blank=True, help_text='One or two sentences introducing the event, shown under the title.', verbose_name='subtitle (chapô)')),
                ('audience_text', wagtail.fields.RichTextField(blank=True, help_text='Free text describing the audience, beyond the list of audiences.', verbose_name='who is it for?')),
                ('objectives', wagtail.fields.StreamField([('objective', 0)], blank=True, block_lookup={0: ('wagtail.blocks.TextBlock', (), {'icon': 'tick', 'label': 'objective'})}, default=list, help_text='One block per objective, shown as a list.', verbose_name='objectives')),
                ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1), ('image', 2), ('quote', 3)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'label': 'heading', 'template': 'wagtail_rencontres/blocks/heading.html'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['h3', 'h4', 'bold', 'italic', 'link', 'ol', 'ul'], 'label': 'paragraph'}), 2: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'image', 'template': 'wagtail_rencontres/blocks/image.html'}), 3: ('wagtail.blocks.BlockQuoteBlock', (), {'label': 'quote'})}, default=list, help_text="Presentation of the event: context, stakes, speakers' approach.", verbose_name='body')),
                ('start', models.DateTimeField(help_text="Date and time in the event's timezone.", verbose_name='start')),
                ('end', models.DateTimeField(help_text="Date and time in the event's timezone. May be on another day.", verbose_name='end')),
                ('timezone', models.CharField(default=wagtail_rencontres.models.mixins.default_timezone, help_text='IANA name, for example Europe/Paris or America/Cayenne.', max_length=64, validators=[wagtail_rencontres.validators.validate_timezone], verbose_name='timezone')),
                ('all_day', models.BooleanField(default=False, help_text='Hide the times: the event fills whole days, from the start to the end date.', verbose_name='all day')),
                ('status', models.CharField(choices=[('scheduled', 'Scheduled'), ('rescheduled', 'Rescheduled'), ('postponed', 'Postponed'), ('moved_online', 'Moved online'), ('full', 'Full'), ('cancelled', 'Cancelled')], default='scheduled', help_text='Kept apart from publication: a cancelled event stays listed, flagged.', max_length=20, verbose_name='status')),
                ('previous_start', models.DateTimeField(blank=True, help_text='For a rescheduled event: when it was first planned.', null=True, verbose_name='previous start')),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('sequence', models.PositiveIntegerField(default=0, editable=False, help_text='ICS SEQUENCE: grows when the date, place or status changes.', verbose_name='revision sequence')),
                ('attendance_mode', models.CharField(choices=[('offline', 'In person'), ('online', 'Online'), ('mixed', 'Hybrid (in person and online)')], default='offline', help_text='In person, online, or both.', max_length=10, verbose_name='attendance mode')),
                ('online_url', models.URLField(blank=True, help_text='Required for online and hybrid events.', verbose_name='online link')),
                ('practical_info', wagtail.fields.RichTextField(blank=True, help_text='Lunch, accessibility, contact person…', verbose_name='practical information')),
                ('funding_statement', models.TextField(blank=True, help_text="Mention required by co-funders, for example “Ce projet est cofinancé par l'Union européenne”. Required when a co-funder is listed.", verbose_name='funding statement')),
                ('documents', wagtail.fields.StreamField([('document', 2), ('link', 5)], blank=True, block_lookup={0: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave empty to use the document's title.", 'label': 'title', 'required': False}), 2: ('wagtail.blocks.StructBlock', [[('document', 0), ('title', 1)]], {}), 3: ('wagtail.blocks.CharBlock', (), {'label': 'label', 'max_length': 255}), 4: ('wagtail.blocks.URLBlock', (), {'label': 'address (URL)'}), 5: ('wagtail.blocks.StructBlock', [[('label', 3), ('url', 4)]], {})}, default=list, help_text='Published before the event: “En savoir plus”, leaflet, invitation.', verbose_name='documents and links')),
                ('programme', wagtail.fields.StreamField([('day', 18)], blank=True, block_lookup={0: ('wagtail.blocks.DateBlock', (), {'label': 'date'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': 'Optional, for example “Day 1: diagnosis”.', 'label': 'title', 'max_length': 255, 'required': False}), 2: ('wagtail.blocks.TimeBlock', (), {'label': 'start time'}), 3: ('wagtail.blocks.TimeBlock', (), {'label': 'end time', 'required': False}), 4: ('wagtail.blocks.CharBlock', (), {'label': 'title', 'max_length': 255}), 5: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('welcome', 'Welcome'), ('introduction', 'Introduction'), ('talk', 'Talk'), ('round_table', 'Round table'), ('reverse_conference', 'Reverse conference'), ('testimonies', 'Testimonies'), ('workshop', 'Workshop'), ('debate', 'Debate'), ('networking', 'Networking time'), ('break', 'Break'), ('lunch', 'Lunch'), ('closing', 'Closing'), ('other', 'Other')], 'label': 'format'}), 6: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'description', 'required': False}), 7: ('wagtail_rencontres.blocks.programme.SynchronisedSnippetChooserBlock', ('wagtail_rencontres.Speaker',), {'label': 'speaker'}), 8: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example: moderator, discussant. Leave empty for a speaker.', 'label': 'role in this session', 'max_length': 120, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('speaker', 7), ('role', 8)]], {}), 10: ('wagtail.blocks.ListBlock', (9,), {'default': [], 'label': 'speakers'}), 11: ('wagtail.blocks.CharBlock', (), {'label': 'room', 'max_length': 120, 'required': False}), 12: ('wagtail.blocks.BooleanBlock', (), {'help_text': 'Tick when the session or one of its speakers takes part remotely.', 'label': 'remote (visio)', 'required': False}), 13: ('wagtail_rencontres.blocks.programme.SynchronisedSnippetChooserBlock', ('wagtail_rencontres.Audience',), {}), 14: ('wagtail.blocks.ListBlock', (13,), {'default': [], 'help_text': 'Leave empty for a session open to all. When set, only its time, title and audience are public; the description, room and speakers stay private.', 'label': 'restricted to'}), 15: ('wagtail.blocks.IntegerBlock', (), {'help_text': 'For workshops chosen at registration: the number of places.', 'label': 'places', 'min_value': 1, 'required': False}), 16: ('wagtail.blocks.StructBlock', [[('start_time', 2), ('end_time', 3), ('title', 4), ('format', 5), ('description', 6), ('speakers', 10), ('room', 11), ('remote', 12), ('restricted_audiences', 14), ('capacity', 15)]], {}), 17: ('wagtail.blocks.ListBlock', (16,), {'default': [], 'label': 'sessions'}), 18: ('wagtail.blocks.StructBlock', [[('date', 0), ('title', 1), ('sessions', 17)]], {})}, default=list, help_text='Days of the event, each with its timed sessions.', verbose_name='programme')),
                ('programme_to_come', models.BooleanField(default=False, help_text='Shows “Programme détaillé à venir” instead of, or after, the programme.', verbose_name='detailed programme to come')),
                ('resources', wagtail.fields.StreamField([('slides', 2), ('recording', 5), ('proceedings', 6), ('link', 9)], blank=True, block_lookup={0: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': "Leave empty to use the document's title.", 'label': 'title', 'required': False}), 2: ('wagtail.blocks.StructBlock', [[('document', 0), ('title', 1)]], {'icon': 'doc-full', 'label': 'Slides'}), 3: ('wagtail.blocks.CharBlock', (), {'label': 'title'}), 4: ('wagtail.embeds.blocks.EmbedBlock', (), {'label': 'address of the recording'}), 5: ('wagtail.blocks.StructBlock', [[('title', 3), ('embed', 4)]], {}), 6: ('wagtail.blocks.StructBlock', [[('document', 0), ('title', 1)]], {'icon': 'doc-full-inverse', 'label': 'Proceedings'}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'label', 'max_length': 255}), 8: ('wagtail.blocks.URLBlock', (), {'label': 'address (URL)'}), 9: ('wagtail.blocks.StructBlock', [[('label', 7), ('url', 8)]], {})}, default=list, help_text='Slides, recordings, proceedings.', verbose_name='after-event resources')),
                ('image', models.ForeignKey(blank=True, help_text='Shown at the top of the page and in listings; its alt text comes from the image title.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=get_image_model_string(), verbose_name='image')),
                ('audiences', modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Who the event is meant for, used for filters.', related_name='+', to='wagtail_rencontres.audience', verbose_name='target audiences')),
                ('format', models.ForeignKey(blank=True, help_text='Journée thématique, rencontre régionale, forum… Managed under Rencontres.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_rencontres.eventformat', verbose_name='format')),
            ],
            options={
                'verbose_name': 'event',
                'verbose_name_plural': 'events',
                'swappable': 'WAGTAILRENCONTRES_EVENTPAGE_MODEL',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='Organisation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(help_text='Full name, for example Pays et Quartiers de Nouvelle-Aquitaine.', max_length=255, verbose_name='name')),
                ('acronym', models.CharField(blank=True, help_text='Short name shown in listings, for example DREETS or ORIV.', max_length=40, verbose_name='acronym')),
                ('kind', models.CharField(choices=[('resource_centre', 'Resource centre'), ('state_service', 'State service'), ('local_authority', 'Local authority'), ('research_lab', 'Research laboratory'), ('association', 'Association'), ('funder', 'Funder'), ('other', 'Other')], default='other', help_text='Used to group organisations and in schema.org data.', max_length=32, verbose_name='kind')),
                ('url', models.URLField(blank=True, help_text="Address of the organisation's website.", verbose_name='website')),
                ('description', models.TextField(blank=True, help_text='Optional short presentation.', verbose_name='description')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('logo', models.ForeignKey(blank=True, help_text='Shown with organisers, partners and co-funders.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=get_image_model_string(), verbose_name='logo')),
            ],
            options={
                'verbose_name': 'organisation',
                'verbose_name_plural': 'organisations',
                'ordering': ['name'],
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='Registration',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('form_data', models.JSONField(encoder=django.core.serializers.json.DjangoJSONEncoder)),
                ('submit_time', models.DateTimeField(auto_now_add=True, verbose_name='submit time')),
                ('status', models.CharField(choices=[('confirmed', 'Confirmed'), ('waitlisted', 'On the waiting list'), ('pending', 'Awaiting approval'), ('approved', 'Approved'), ('refused', 'Refused'), ('cancelled', 'Cancelled')], db_index=True, default='confirmed', max_length=12, verbose_name='status')),
                ('first_name', models.CharField(blank=True, max_length=100, verbose_name='first name')),
                ('last_name', models.CharField(blank=True, max_length=100, verbose_name='last name')),
                ('email', models.EmailField(blank=True, help_text='Stored in lower case; erased when the registration is anonymised.', max_length=254, verbose_name='email')),
                ('organisation', models.CharField(blank=True, max_length=255, verbose_name='organisation')),
                ('function', models.CharField(blank=True, max_length=255, verbose_name='function')),
                ('workshops', models.JSONField(blank=True, default=list, help_text='Ids of the programme sessions chosen at registration.', verbose_name='workshops')),
                ('language', models.CharField(blank=True, max_length=10, verbose_name='language')),
                ('consent_version', models.CharField(max_length=12, verbose_name='consent version')),
                ('consent_text', models.TextField(blank=True, verbose_name='consent text accepted')),
                ('consent_at', models.DateTimeField(null=True, verbose_name='consent given at')),
                ('token', models.UUIDField(default=uuid.uuid4, editable=False, help_text='Secret part of the self-service link; renewed on anonymisation.', unique=True)),
                ('idempotency_key', models.CharField(blank=True, editable=False, max_length=128)),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('status_changed_at', models.DateTimeField(null=True, verbose_name='status changed')),
                ('anonymised_at', models.DateTimeField(blank=True, null=True, verbose_name='anonymised')),
                ('audience', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_rencontres.audience', verbose_name='audience category')),
                ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.page')),
            ],
            options={
                'verbose_name': 'registration',
                'verbose_name_plural': 'registrations',
                'ordering': ['submit_time', 'pk'],
                'permissions': [('manage_registrations', "Can see, export and manage registrants' personal data")],
            },
        ),
        migrations.CreateModel(
            name='RegistrationMail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('confirmed', 'Confirmation'), ('waitlisted', 'Waiting list'), ('pending', 'Awaiting approval'), ('approved', 'Approval'), ('refused', 'Refusal'), ('promoted', 'Promotion from the waiting list'), ('cancelled', 'Cancellation'), ('updated', 'Update')], max_length=12, verbose_name='kind')),
                ('status', models.CharField(choices=[('queued', 'Queued'), ('sent', 'Sent'), ('failed', 'Failed')], db_index=True, default='queued', max_length=8, verbose_name='status')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                ('error', models.TextField(blank=True, verbose_name='last error')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent')),
                ('registration', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='mails', to='wagtail_rencontres.registration', verbose_name='registration')),
            ],
            options={
                'verbose_name': 'registration mail',
                'verbose_name_plural': 'registration mails',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Speaker',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('honorific', models.CharField(blank=True, help_text='For example Mme, M. or Dr.', max_length=20, verbose_name='honorific')),
                ('first_name', models.CharField(help_text='As the speaker wishes it to appear.', max_length=120, verbose_name='first name')),
                ('last_name', models.CharField(help_text='Used to sort speakers.', max_length=120, verbose_name='last name')),
                ('job_title', models.CharField(blank=True, help_text='For example: sociologist, mayor of Plessé.', max_length=255, verbose_name='role or job title')),
                ('organisation_name', models.CharField(blank=True, help_text='Used when the organisation is not recorded as an organisation.', max_length=255, verbose_name='organisation (free text)')),
                ('bio', wagtail.fields.RichTextField(blank=True, help_text="A few lines shown on the speaker's page.", verbose_name='short biography')),
                ('links', wagtail.fields.StreamField([('link', 2)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'label', 'max_length': 255}), 1: ('wagtail.blocks.URLBlock', (), {'label': 'address (URL)'}), 2: ('wagtail.blocks.StructBlock', [[('label', 0), ('url', 1)]], {})}, default=list, help_text='Website, publications, social networks.', verbose_name='links')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ('organisation', models.ForeignKey(blank=True, help_text='Chosen among the organisations managed under Rencontres.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='speakers', to='wagtail_rencontres.organisation', verbose_name='organisation')),
                ('photo', models.ForeignKey(blank=True, help_text='Shown with the speaker; leave empty when not agreed.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=get_image_model_string(), verbose_name='photo')),
            ],
            options={
                'verbose_name': 'speaker',
                'verbose_name_plural': 'speakers',
                'ordering': ['last_name', 'first_name'],
                'abstract': False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='Theme',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(help_text='As shown to visitors.', max_length=255, verbose_name='name')),
                ('slug', models.SlugField(blank=True, help_text='Used in addresses and API filters. Filled from the name when left empty.', max_length=80, verbose_name='slug')),
                ('description', models.TextField(blank=True, help_text='Optional, shown on listing pages for this term.', verbose_name='description')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'theme',
                'verbose_name_plural': 'themes',
                'ordering': ['name'],
                'abstract': False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.AddField(
            model_name='eventpage',
            name='themes',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Subjects of the event, used for filters.', related_name='+', to='wagtail_rencontres.theme', verbose_name='themes'),
        ),
        migrations.AddField(
            model_name='cyclepage',
            name='themes',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, help_text='Subjects of the cycle, used for filters.', related_name='+', to='wagtail_rencontres.theme', verbose_name='themes'),
        ),
        migrations.CreateModel(
            name='Venue',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(help_text='For example Maison Diocésaine.', max_length=255, verbose_name='name')),
                ('street_address', models.CharField(blank=True, help_text='Number and street, for example 9 bis, boulevard Voltaire.', max_length=255, verbose_name='street address')),
                ('postcode', models.CharField(blank=True, help_text='For example 21000.', max_length=16, verbose_name='postcode')),
                ('city', models.CharField(blank=True, help_text='For example Dijon.', max_length=120, verbose_name='city')),
                ('department', models.CharField(blank=True, help_text="For example Côte-d'Or.", max_length=120, verbose_name='département')),
                ('department_code', models.CharField(blank=True, help_text='For example 21, 2A or 974.', max_length=3, verbose_name='département code')),
                ('region', models.CharField(blank=True, help_text='For example Bourgogne-Franche-Comté.', max_length=120, verbose_name='region')),
                ('country', models.CharField(default='FR', help_text='ISO 3166-1 alpha-2 code, for example FR or BE.', max_length=2, verbose_name='country')),
                ('latitude', models.DecimalField(blank=True, decimal_places=6, help_text='Decimal degrees, for example 47.3220, for maps.', max_digits=9, null=True, verbose_name='latitude')),
                ('longitude', models.DecimalField(blank=True, decimal_places=6, help_text='Decimal degrees, for example 5.0415, for maps.', max_digits=9, null=True, verbose_name='longitude')),
                ('access', models.TextField(blank=True, help_text='How to get there: public transport, parking…', verbose_name='access')),
                ('accessibility', models.TextField(blank=True, help_text='Step-free access, hearing loop, adapted toilets…', verbose_name='accessibility')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'venue',
                'verbose_name_plural': 'venues',
                'ordering': ['name'],
                'abstract': False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.AddField(
            model_name='eventpage',
            name='venue',
            field=models.ForeignKey(blank=True, help_text='Where the event takes place. Leave empty for an online event.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtail_rencontres.venue', verbose_name='venue'),
        ),
        migrations.AddIndex(
            model_name='registration',
            index=models.Index(fields=['page', 'status'], name='rencontres_reg_page_status'),
        ),
        migrations.AddConstraint(
            model_name='registration',
            constraint=models.UniqueConstraint(condition=models.Q(models.Q(('status', 'cancelled'), _negated=True), models.Q(('email', ''), _negated=True)), fields=('page', 'email'), name='rencontres_registration_unique_email'),
        ),
        migrations.AddConstraint(
            model_name='registration',
            constraint=models.UniqueConstraint(condition=models.Q(('idempotency_key', ''), _negated=True), fields=('page', 'idempotency_key'), name='rencontres_registration_unique_idempotency_key'),
        ),
        migrations.AlterUniqueTogether(
            name='speaker',
            unique_together={('translation_key', 'locale')},
        ),
        migrations.AlterUniqueTogether(
            name='theme',
            unique_together={('slug', 'locale'), ('translation_key', 'locale')},
        ),
        migrations.AlterUniqueTogether(
            name='venue',
            unique_together={('translation_key', 'locale')},
        ),

    ]
