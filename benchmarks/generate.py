"""Build a realistic benchmark site of N events, fast, with a valid page tree.

    DJANGO_SETTINGS_MODULE=benchmarks.settings python -m benchmarks generate --events 1000

What it builds (issue #13): 2,000 speakers, 300 venues, 50 organisations,
themes, audiences and formats (translated into English); a French home page
and agenda with their English translations; N French events, each with a
2-day programme of 8 sessions a day and 2 speakers a session, a share of them
translated into English (copies sharing the source's ``translation_key``
under the English agenda, as wagtail-localize makes them); a quarter of the
events with on-site registration, a capacity and some registrations.

Pages are inserted in bulk: the generator computes treebeard's ``path``,
``depth`` and ``numchild``, ``url_path`` and the publication fields itself,
so ``Page.find_problems()`` stays clean. The rows the package's receivers
would write (the speaker index) are written the same way, from the same
public programme (:func:`wagtail_rencontres.services.programme.days_bulk`).
A sample of the events (1 % by default) is then saved and published through
Wagtail (``save_revision().publish()``), so that they have honest revisions.
The search index is filled in bulk by the search backend, from the same
``search_fields``.

:func:`build` with ``bulk=False`` builds the same site through the normal
path (``add_child``, ``save_revision().publish()``, ``copy_for_translation``):
the tests compare the two.
"""

import argparse
import datetime as dt
import json
import random
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backends

from wagtail_rencontres import conf
from wagtail_rencontres.enums import (
    AttendanceMode,
    EventStatus,
    OrganisationKind,
    PartnerRole,
    RegistrationMode,
    RegistrationStatus,
    SessionFormat,
)
from wagtail_rencontres.models import (
    Audience,
    EventFormat,
    EventPartner,
    EventSpeaker,
    Organisation,
    PendingIndexUpdate,
    Registration,
    Speaker,
    Theme,
    Venue,
    consent_version,
)
from wagtail_rencontres.services import dates, freshness, i18n, programme, queries, search_text

SPEAKERS = 2_000
VENUES = 300
ORGANISATIONS = 50
DAYS = 2
SESSIONS_PER_DAY = 8
SPEAKERS_PER_SESSION = 2
BATCH = 500
#: Events decided and inserted at a time: memory stays bounded at 100,000 events.
CHUNK = 5_000
TIMEZONE = "Europe/Paris"

THEMES = [
    ("Santé", "Health"),
    ("Éducation", "Education"),
    ("Emploi", "Employment"),
    ("Participation citoyenne", "Citizen participation"),
    ("Discriminations", "Discrimination"),
    ("Renouvellement urbain", "Urban renewal"),
    ("Jeunesse", "Youth"),
    ("Sécurité", "Safety"),
    ("Culture", "Culture"),
    ("Logement", "Housing"),
    ("Mobilité", "Mobility"),
    ("Égalité femmes-hommes", "Gender equality"),
]
AUDIENCES = [
    ("Élus", "Elected officials"),
    ("Agents de l'État", "State staff"),
    ("Professionnels", "Professionals"),
    ("Associations", "Associations"),
    ("Habitants", "Residents"),
    ("Chercheurs", "Researchers"),
]
FORMATS = [
    ("Journée thématique", "Thematic day"),
    ("Rencontre régionale", "Regional meeting"),
    ("Forum", "Forum"),
    ("Webinaire", "Webinar"),
    ("Séminaire", "Seminar"),
]
REGIONS = [
    ("Bourgogne-Franche-Comté", "21", "Dijon"),
    ("Nouvelle-Aquitaine", "33", "Bordeaux"),
    ("Occitanie", "31", "Toulouse"),
    ("Hauts-de-France", "59", "Lille"),
    ("Auvergne-Rhône-Alpes", "69", "Lyon"),
    ("Île-de-France", "93", "Saint-Denis"),
    ("Provence-Alpes-Côte d'Azur", "13", "Marseille"),
    ("Grand Est", "67", "Strasbourg"),
    ("Bretagne", "35", "Rennes"),
    ("Guyane", "973", "Cayenne"),
]
FIRST_NAMES = [
    "Hélène", "Karim", "Sophie", "Mamadou", "Claire", "Yacine", "Élodie", "Thomas",
    "Fatou", "Julien", "Nadia", "Pierre", "Aïcha", "Mathieu", "Léa", "Samir",
]  # fmt: skip
LAST_NAMES = [
    "Martin", "Benali", "Dubois", "Diallo", "Lefèvre", "Moreau", "Haddad", "Girard",
    "Traoré", "Roux", "Fontaine", "Chevalier", "Mercier", "Nguyen", "Garnier", "Faure",
]  # fmt: skip
WORDS = [
    "quartiers", "politique de la ville", "habitants", "territoires", "cohésion",
    "solidarité", "action publique", "inclusion", "numérique", "transition",
    "écologique", "santé mentale", "réussite éducative", "emploi des jeunes",
    "mixité", "participation", "coopération", "innovation sociale",
]  # fmt: skip
FORMATS_OF_THE_DAY = [
    SessionFormat.WELCOME,
    SessionFormat.INTRODUCTION,
    SessionFormat.TALK,
    SessionFormat.ROUND_TABLE,
    SessionFormat.LUNCH,
    SessionFormat.WORKSHOP,
    SessionFormat.DEBATE,
    SessionFormat.CLOSING,
]
TIMES = [
    ("09:00", "09:30"),
    ("09:30", "10:00"),
    ("10:00", "11:00"),
    ("11:00", "12:30"),
    ("12:30", "14:00"),
    ("14:00", "15:30"),
    ("15:30", "16:30"),
    ("16:30", "17:30"),
]


@dataclass
class EventSpec:
    """Everything that makes one generated event, decided before anything is written."""

    index: int
    title: str
    slug: str
    title_en: str | None
    fields: dict
    themes: list
    audiences: list
    partners: list  # [(organisation, role)]
    registrations: int


@dataclass
class Generated:
    """What :func:`build` made, and how long each part took (seconds)."""

    events: int = 0
    translations: int = 0
    honest: int = 0
    registrations: int = 0
    timings: dict = field(default_factory=dict)
    agenda_id: int | None = None
    agenda_en_id: int | None = None


def _uuid(rng):
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _phrase(rng, words=4):
    return " ".join(rng.sample(WORDS, words)).capitalize()


class Generator:
    """Builds the records, the page tree and the events of one benchmark site."""

    def __init__(
        self,
        events,
        seed=13,
        honest_share=0.01,
        english_share=0.3,
        speakers=SPEAKERS,
        today=None,
        stdout=None,
    ):
        self.count = events
        self.speaker_count = speakers
        self.rng = random.Random(seed)
        self.honest_share = honest_share
        self.english_share = english_share
        self.today = today or timezone.localdate()
        self.stdout = stdout
        self.event_model = queries.event_model()
        self.result = Generated()

    def say(self, message):
        if self.stdout is not None:
            self.stdout.write(message + "\n")
            self.stdout.flush()

    def timed(self, name, function, *args):
        """``function(*args)``, its time added to ``timings[name]``."""
        started = time.perf_counter()
        value = function(*args)
        timings = self.result.timings
        timings[name] = round(timings.get(name, 0) + time.perf_counter() - started, 2)
        return value

    # Records

    def locales(self):
        self.fr = Locale.objects.get_or_create(language_code="fr")[0]
        self.en = Locale.objects.get_or_create(language_code="en")[0]

    def terms(self, model, pairs):
        """Terms in French, each with its English translation (same translation_key)."""
        french, english = [], []
        for french_name, english_name in pairs:
            key = _uuid(self.rng)
            slug = slugify(french_name)
            french.append(model(name=french_name, slug=slug, locale=self.fr, translation_key=key))
            english.append(model(name=english_name, slug=slug, locale=self.en, translation_key=key))
        model.objects.bulk_create(english)
        return model.objects.bulk_create(french)

    def records(self):
        rng = self.rng
        self.themes = self.terms(Theme, THEMES)
        self.audiences = self.terms(Audience, AUDIENCES)
        self.formats = self.terms(EventFormat, FORMATS)
        kinds = list(OrganisationKind.values)
        self.organisations = Organisation.objects.bulk_create(
            Organisation(
                name=f"{_phrase(rng, 2)} {n}",
                acronym=f"ORG{n}" if n % 2 else "",
                kind=kinds[n % len(kinds)],
                url=f"https://org{n}.example.org/",
                locale=self.fr,
                translation_key=_uuid(rng),
            )
            for n in range(ORGANISATIONS)
        )
        venues = []
        for n in range(VENUES):
            region, code, city = REGIONS[n % len(REGIONS)]
            venues.append(
                Venue(
                    name=f"Salle {_phrase(rng, 1)} {n}",
                    street_address=f"{n + 1} rue de la République",
                    postcode=f"{code}000"[:5],
                    city=city,
                    department_code=code,
                    region=region,
                    latitude=round(43 + rng.random() * 6, 6),
                    longitude=round(-1 + rng.random() * 7, 6),
                    locale=self.fr,
                    translation_key=_uuid(rng),
                )
            )
        self.venues = Venue.objects.bulk_create(venues)
        self.speakers = Speaker.objects.bulk_create(
            Speaker(
                first_name=rng.choice(FIRST_NAMES),
                last_name=f"{rng.choice(LAST_NAMES)}-{n}",
                job_title=_phrase(rng, 2),
                organisation=rng.choice(self.organisations) if n % 2 else None,
                organisation_name="" if n % 2 else f"Collectif {n}",
                locale=self.fr,
                translation_key=_uuid(rng),
            )
            for n in range(self.speaker_count)
        )

    # Page tree

    def tree(self, home_model):
        """Home page and agenda in French, and their English translations, the normal way."""
        root = Page.get_first_root_node()
        self.home = home_model(title="Rencontres", slug="accueil", locale=self.fr)
        root.add_child(instance=self.home)
        self.home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(is_default_site=True, hostname="127.0.0.1", port=80)
        old_root = site.root_page if site.pk else None
        site.root_page = self.home
        site.save()
        if old_root is not None and old_root.specific_class is Page:
            old_root.delete()  # Wagtail's welcome page
        agenda_model = conf.page_model("AgendaPage")
        self.agenda = agenda_model(title="Agenda", slug="agenda", locale=self.fr)
        self.home.add_child(instance=self.agenda)
        self.agenda.save_revision().publish()
        self.home_en = self.translate_page(self.home, "Meetings", "home")
        self.agenda_en = self.translate_page(self.agenda, "Events", "events")
        self.result.agenda_id = self.agenda.pk
        self.result.agenda_en_id = self.agenda_en.pk

    def translate_page(self, page, title, slug):
        copy = page.copy_for_translation(self.en, copy_parents=False)
        copy.title, copy.draft_title, copy.slug = title, title, slug
        copy.save_revision().publish()
        return type(copy).objects.get(pk=copy.pk)

    # Events, decided

    def specs_of_events(self, start, stop):
        """What events ``start`` to ``stop`` (excluded) will be; call in order, from 0."""
        rng = self.rng
        specs = []
        statuses = [EventStatus.SCHEDULED] * 17 + [
            EventStatus.CANCELLED,
            EventStatus.RESCHEDULED,
            EventStatus.POSTPONED,
        ]
        for n in range(start, stop):
            day = self.today + dt.timedelta(days=rng.randint(-730, 730))
            start = dates.make_local(day, dt.time(9, 0), TIMEZONE)
            end = dates.make_local(day + dt.timedelta(days=DAYS - 1), dt.time(17, 30), TIMEZONE)
            status = rng.choice(statuses)
            mode = rng.choices(
                [AttendanceMode.OFFLINE, AttendanceMode.ONLINE, AttendanceMode.MIXED],
                weights=[70, 15, 15],
            )[0]
            title = f"{_phrase(rng)} ({n + 1})"
            registration = n % 4 == 0
            capacity = rng.choice([30, 60, 100, 200]) if registration else None
            fields = {
                "subtitle": _phrase(rng, 6) + ".",
                "body": [
                    {
                        "type": "paragraph",
                        "value": f"<p>{_phrase(rng, 8)}.</p>",
                        "id": str(_uuid(rng)),
                    }
                ],
                "start": start,
                "end": end,
                "timezone": TIMEZONE,
                "status": status,
                "previous_start": (
                    start - dt.timedelta(days=30) if status == EventStatus.RESCHEDULED else None
                ),
                "uuid": _uuid(rng),
                "attendance_mode": mode,
                "online_url": (
                    f"https://visio.example.org/{n}" if mode != AttendanceMode.OFFLINE else ""
                ),
                "venue": rng.choice(self.venues) if mode != AttendanceMode.ONLINE else None,
                "format": rng.choice(self.formats),
                "programme": self.programme_of(day),
                "registration_mode": (
                    RegistrationMode.INTERNAL if registration else RegistrationMode.NONE
                ),
                "registration_capacity": capacity,
                "registration_waitlist": True,
            }
            english = rng.random() < self.english_share
            registrations = rng.randint(0, capacity // 2) if registration else 0
            specs.append(
                EventSpec(
                    index=n,
                    title=title,
                    slug=f"{slugify(title)[:60]}-{n + 1}",
                    title_en=f"Meeting {n + 1}: {_phrase(rng, 3)}" if english else None,
                    fields=fields,
                    themes=rng.sample(self.themes, rng.randint(1, 3)),
                    audiences=rng.sample(self.audiences, rng.randint(1, 2)),
                    partners=[
                        (organisation, role)
                        for organisation, role in zip(
                            rng.sample(self.organisations, 3),
                            [PartnerRole.ORGANISER, PartnerRole.PARTNER, PartnerRole.FUNDER],
                            strict=True,
                        )
                    ],
                    registrations=registrations,
                )
            )
        return specs

    def programme_of(self, first_day):
        rng = self.rng
        days = []
        for offset in range(DAYS):
            day = first_day + dt.timedelta(days=offset)
            sessions = []
            for (start, end), session_format in zip(TIMES, FORMATS_OF_THE_DAY, strict=True):
                restricted = session_format == SessionFormat.WORKSHOP and rng.random() < 0.25
                speakers = [
                    {
                        "type": "item",
                        "id": str(_uuid(rng)),
                        "value": {"speaker": speaker.pk, "role": ""},
                    }
                    for speaker in rng.sample(self.speakers, SPEAKERS_PER_SESSION)
                ]
                sessions.append(
                    {
                        "type": "item",
                        "id": str(_uuid(rng)),
                        "value": {
                            "start_time": start,
                            "end_time": end,
                            "title": _phrase(rng, 3),
                            "format": session_format,
                            "description": f"<p>{_phrase(rng, 10)}.</p>",
                            "speakers": speakers,
                            "room": f"Salle {rng.randint(1, 6)}",
                            "remote": rng.random() < 0.1,
                            "restricted_audiences": (
                                [
                                    {
                                        "type": "item",
                                        "id": str(_uuid(rng)),
                                        "value": rng.choice(self.audiences).pk,
                                    }
                                ]
                                if restricted
                                else []
                            ),
                            "capacity": None,
                        },
                    }
                )
            days.append(
                {
                    "type": "day",
                    "id": str(_uuid(rng)),
                    "value": {
                        "date": day.isoformat(),
                        "title": f"Jour {offset + 1}",
                        "sessions": sessions,
                    },
                }
            )
        return days

    # Events, in bulk

    def bulk_events(self, specs, parent, locale, english=False):
        """Insert the pages of ``specs`` below ``parent`` in a few queries; returns them."""
        model = self.event_model
        if model._meta.get_parent_list() != [Page]:
            raise NotImplementedError(
                "Bulk inserts need an event page class whose table is Page's child"
            )
        content_type = ContentType.objects.get_for_model(model)
        now = timezone.now()
        first = parent.numchild
        pages, events = [], []
        for position, spec in enumerate(specs, start=first + 1):
            title = spec.title_en if english else spec.title
            slug = f"en-{spec.slug}" if english else spec.slug
            # One minute apart, in order, the last one now: never in the future.
            published = now - dt.timedelta(minutes=self.count - position)
            pages.append(
                Page(
                    path=Page._get_path(parent.path, parent.depth + 1, position),
                    depth=parent.depth + 1,
                    numchild=0,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    url_path=f"{parent.url_path}{slug}/",
                    content_type=content_type,
                    locale=locale,
                    translation_key=translation_key(spec),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                )
            )
        Page.objects.bulk_create(pages, batch_size=BATCH)
        for page, spec in zip(pages, specs, strict=True):
            event = model(page_ptr_id=page.pk, **spec.fields)
            if english:
                event.uuid = english_uuid(spec)
            event.__dict__.update({f.attname: getattr(page, f.attname) for f in _page_fields()})
            events.append(event)
        # Django's bulk_create refuses multi-table inheritance: the page rows are in, so
        # the event rows go in through the same insert its save() would run, in batches.
        local = model._meta.local_concrete_fields
        for start in range(0, len(events), BATCH):
            model._base_manager._insert(events[start : start + BATCH], fields=local)
        Page.objects.filter(pk=parent.pk).update(numchild=first + len(pages))
        parent.numchild = first + len(pages)
        self.relations(events, specs)
        return events

    def relations(self, events, specs):
        """Themes, audiences and partners: the rows modelcluster would save."""
        model = self.event_model
        themes, audiences, partners = [], [], []
        for event, spec in zip(events, specs, strict=True):
            themes += [_through(model.themes, event, theme) for theme in spec.themes]
            audiences += [_through(model.audiences, event, audience) for audience in spec.audiences]
            partners += [
                EventPartner(page=event, organisation=organisation, role=role, sort_order=order)
                for order, (organisation, role) in enumerate(spec.partners)
            ]
        model.themes.through.objects.bulk_create(themes, batch_size=BATCH)
        model.audiences.through.objects.bulk_create(audiences, batch_size=BATCH)
        EventPartner.objects.bulk_create(partners, batch_size=BATCH)

    def speaker_index(self, events):
        """The speaker index rows :func:`~wagtail_rencontres.services.sync.sync_event_speakers`
        writes: the speakers of the sessions open to all (restricted sessions keep theirs
        private). Read from the raw programme; the tests check that it is the same set."""
        rows = []
        for event in events:
            speaker_ids = {
                ref["value"]["speaker"]
                for day in event.programme.raw_data
                for session in day["value"]["sessions"]
                if not session["value"]["restricted_audiences"]
                for ref in session["value"]["speakers"]
            }
            rows += [EventSpeaker(event_id=event.pk, speaker_id=pk) for pk in sorted(speaker_ids)]
        EventSpeaker.objects.bulk_create(rows, batch_size=2_000)

    def registrations(self, events, specs):
        rows = []
        now = timezone.now()
        version = consent_version("")
        for event, spec in zip(events, specs, strict=True):
            for n in range(spec.registrations):
                rows.append(
                    Registration(
                        page_id=event.pk,
                        form_data={},
                        status=RegistrationStatus.CONFIRMED,
                        first_name=self.rng.choice(FIRST_NAMES),
                        last_name=self.rng.choice(LAST_NAMES),
                        email=f"person{n}.event{event.pk}@example.org",
                        organisation="Collectif",
                        language="fr",
                        consent_version=version,
                        consent_at=now,
                        token=_uuid(self.rng),
                        status_changed_at=now,
                    )
                )
        Registration.objects.bulk_create(rows, batch_size=2_000)
        self.result.registrations += len(rows)

    def publish_sample(self, events, specs):
        """Save and publish a sample of the events through Wagtail: honest revisions."""
        if not self.honest_share:
            return
        step = max(1, round(1 / self.honest_share))
        for event, spec in zip(events, specs, strict=True):
            if spec.index % step == 0:
                self.event_model.objects.get(pk=event.pk).save_revision().publish()
                self.result.honest += 1

    def search_index(self):
        """Index events and speakers in bulk, with their text computed in bulk."""
        backends = list(get_search_backends(with_auto_update=True))
        if not backends:
            return
        # A search server needs its index and its mapping (nested themes and
        # audiences, the filter fields) before the first item: the schema of
        # update_index, then the items in bulk.
        call_command("update_index", schema_only=True, verbosity=0)
        events = queries.visible_events().prefetch_related("partners__organisation")
        ids = list(events.order_by("pk").values_list("pk", flat=True))
        organisations = Organisation.objects.in_bulk()
        for start in range(0, len(ids), BATCH):
            chunk = list(events.filter(pk__in=ids[start : start + BATCH]))
            search_text.prepare(chunk)
            i18n.localize_pages(chunk)
            # Speakers' organisations from one dict rather than one query per speaker.
            for event in chunk:
                for speaker in programme.speakers(search_text.public_days(event)):
                    speaker.organisation = organisations.get(speaker.organisation_id)
            for backend in backends:
                backend.add_bulk(self.event_model, chunk)
        speakers = list(Speaker.objects.select_related("organisation"))
        for backend in backends:
            for start in range(0, len(speakers), BATCH):
                backend.add_bulk(Speaker, speakers[start : start + BATCH])
        # Everything is indexed as it is now: the sample's publications are up to date.
        PendingIndexUpdate.objects.all().delete()

    # Events, the normal way (for the tests' comparison)

    def normal_events(self, specs, parent, locale, english=False):
        events = []
        for spec in specs:
            if english:
                source = self.event_model.objects.get(
                    translation_key=translation_key(spec), locale=self.fr
                )
                event = source.copy_for_translation(locale, copy_parents=False)
                event.title = event.draft_title = spec.title_en
                event.slug = f"en-{spec.slug}"
                event.uuid = english_uuid(spec)
            else:
                event = self.event_model(
                    title=spec.title,
                    slug=spec.slug,
                    locale=locale,
                    translation_key=translation_key(spec),
                    **spec.fields,
                )
                event.themes = spec.themes
                event.audiences = spec.audiences
                event.partners = [
                    EventPartner(organisation=organisation, role=role, sort_order=order)
                    for order, (organisation, role) in enumerate(spec.partners)
                ]
                parent.add_child(instance=event)
            event.save_revision().publish()
            events.append(self.event_model.objects.get(pk=event.pk))
        return events

    # The whole site

    def prepare(self, home_model):
        """Locales, records and the page tree."""
        self.timed("records", lambda: (self.locales(), self.records()))
        self.timed("tree", self.tree, home_model)
        # populate() starts from here each time: the same events, in bulk or not.
        self.events_state = self.rng.getstate()

    def populate(self, bulk=True, search_index=True):
        """The events, in bulk or the normal way, by chunks of :data:`CHUNK` (bounded memory).

        Returns the ids of the French events and of their English translations.
        """
        self.say(f"Generating {self.count} events ({'bulk' if bulk else 'normal path'})")
        make = self.bulk_events if bulk else self.normal_events
        self.rng.setstate(self.events_state)
        ids, english_ids = [], []
        for start in range(0, self.count, CHUNK):
            specs = self.timed("specs", self.specs_of_events, start, min(self.count, start + CHUNK))
            english = [spec for spec in specs if spec.title_en]
            events = self.timed("events", make, specs, self.agenda, self.fr)
            events_en = self.timed("translations", make, english, self.agenda_en, self.en, True)
            if bulk:
                self.timed("speaker index", self.speaker_index, events + events_en)
            self.timed("registrations", self.registrations, events, specs)
            if bulk:
                self.timed("honest sample", self.publish_sample, events, specs)
            ids += [event.pk for event in events]
            english_ids += [event.pk for event in events_en]
            self.say(f"  {len(ids)} events, {len(english_ids)} translations")
        if bulk and search_index:
            self.timed("search index", self.search_index)
        self.result.events = len(ids)
        self.result.translations = len(english_ids)
        self.say("  " + ", ".join(f"{name} {sec} s" for name, sec in self.result.timings.items()))
        return ids, english_ids

    def run(self, home_model, bulk=True, search_index=True):
        with transaction.atomic():
            self.prepare(home_model)
            self.populate(bulk=bulk, search_index=search_index)
        freshness.changed(boundaries=True)
        return self.result


def translation_key(spec):
    """The event's translation key, shared by its English copy (wagtail-localize's rule)."""
    return uuid.uuid5(spec.fields["uuid"], "translation_key")


def english_uuid(spec):
    """The English copy's own uuid (a translation is another event for calendar clients)."""
    return uuid.uuid5(spec.fields["uuid"], "en")


def _page_fields():
    return Page._meta.concrete_fields


def _through(relation, event, target):
    """A row of a ParentalManyToManyField's through table, linking ``event`` to ``target``."""
    field = relation.field
    return relation.through(
        **{field.m2m_field_name(): event, field.m2m_reverse_field_name(): target}
    )


def build(
    events,
    seed=13,
    honest_share=0.01,
    english_share=0.3,
    bulk=True,
    search_index=True,
    stdout=None,
):
    """Build a site of ``events`` French events in the current (empty) database."""
    from example_site.demo.models import HomePage  # noqa: PLC0415 - only on the example site

    generator = Generator(
        events, seed=seed, honest_share=honest_share, english_share=english_share, stdout=stdout
    )
    started = time.perf_counter()
    result = generator.run(HomePage, bulk=bulk, search_index=search_index)
    result.timings["total"] = round(time.perf_counter() - started, 2)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--honest-share", type=float, default=0.01)
    parser.add_argument(
        "--no-search-index", action="store_true", help="leave the search index empty (smoke runs)"
    )
    parser.add_argument(
        "--timings", help="write what was generated and its timings to this JSON file"
    )
    args = parser.parse_args(argv)
    result = build(
        args.events,
        seed=args.seed,
        honest_share=args.honest_share,
        search_index=not args.no_search_index,
        stdout=sys.stdout,
    )
    if args.timings:
        Path(args.timings).write_text(json.dumps(asdict(result), indent=1) + "\n")
    print(
        f"Generated {result.events} events, {result.translations} English translations, "
        f"{result.honest} published through Wagtail, {result.registrations} registrations "
        f"in {result.timings['total']} s"
    )
    return result
