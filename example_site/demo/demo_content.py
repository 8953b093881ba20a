"""Demo content built from the facts of the seed announcements.

Titles, dates, places, people, times and partners come from the resource
centres' announcements; descriptions are written for the demo. Where an
announcement gave no date, the event is placed in the coming months,
relative to the day the loader runs, so the agenda always shows upcoming
and past events. Running the loader again updates the same records.
"""

import datetime as dt
import io
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from example_site.demo import demo_english
from example_site.demo.models import HomePage
from wagtail_rencontres import conf
from wagtail_rencontres.enums import (
    AttendanceMode,
    EventStatus,
    OrganisationKind,
    PartnerRole,
    RegistrationMode,
    SessionFormat,
)
from wagtail_rencontres.models import (
    Audience,
    CyclePartner,
    CycleSession,
    EventFormat,
    EventPartner,
    Organisation,
    Speaker,
    Theme,
    Venue,
)
from wagtail_rencontres.services.dates import make_local

PARIS = "Europe/Paris"
# Where scripts/run-example-site.sh serves the demo (the README's address).
DEMO_HOSTNAME = "127.0.0.1"
DEMO_PORT = 8000
NAMESPACE = uuid.UUID("5b0f3f0e-8d3c-4c44-9a57-2f7b1b1f0c11")


def stable_id(*parts):
    """Block ids that stay the same from one run to the next."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


def upcoming_thursday(today, weeks_ahead):
    """A Thursday at least ``weeks_ahead`` weeks after ``today``."""
    day = today + dt.timedelta(weeks=weeks_ahead)
    return day + dt.timedelta(days=(3 - day.weekday()) % 7)


THEMES = [
    "Santé",
    "Participation citoyenne",
    "Éducation",
    "Jeunesse et insertion professionnelle",
    "Contrats de ville",
    "Égalité femmes-hommes",
    "Lutte contre les discriminations",
    "Interculturalité",
    "Observation et intelligence territoriale",
]

AUDIENCES = [
    "Élus",
    "Agents des collectivités",
    "Services de l'État",
    "Conseillers citoyens",
    "Associations",
    "Chefs de projet intercommunaux",
    "Acteurs éducatifs",
    "Tout public",
]

FORMATS = [
    "Journée thématique",
    "Rencontre régionale",
    "Journée d'échanges",
    "Forum",
    "Séance de cycle",
    "Rencontres de Profession Banlieue",
]

# name, acronym, kind, url
ORGANISATIONS = [
    (
        "Pôle ressources ville et développement social",
        "Pôle ressources",
        OrganisationKind.RESOURCE_CENTRE,
        "",
    ),
    ("Trajectoire Ressources", "", OrganisationKind.RESOURCE_CENTRE, ""),
    ("Pays et Quartiers de Nouvelle-Aquitaine", "PQN-A", OrganisationKind.RESOURCE_CENTRE, ""),
    ("Profession Banlieue", "", OrganisationKind.RESOURCE_CENTRE, ""),
    (
        "Observatoire régional de l'intégration et de la ville",
        "ORIV",
        OrganisationKind.RESOURCE_CENTRE,
        "",
    ),
    ("RésO Villes", "", OrganisationKind.RESOURCE_CENTRE, ""),
    ("DREETS Bourgogne-Franche-Comté", "DREETS BFC", OrganisationKind.STATE_SERVICE, ""),
    ("DREETS Grand Est", "", OrganisationKind.STATE_SERVICE, ""),
    (
        "Préfecture de la région Grand Est",
        "Préfecture Grand Est",
        OrganisationKind.STATE_SERVICE,
        "",
    ),
    ("Réseau DSU Grand Est", "", OrganisationKind.ASSOCIATION, ""),
    ("Laboratoire C3S", "C3S", OrganisationKind.RESEARCH_LAB, ""),
    ("Laboratoire ThéMA", "ThéMA", OrganisationKind.RESEARCH_LAB, ""),
    ("Union européenne — FSE+", "FSE+", OrganisationKind.FUNDER, ""),
    ("Observatoire des inégalités", "", OrganisationKind.ASSOCIATION, ""),
    ("Défenseur des droits", "DDD", OrganisationKind.STATE_SERVICE, ""),
    ("Préfecture de la Côte-d'Or", "", OrganisationKind.STATE_SERVICE, ""),
    ("Université de Bordeaux", "", OrganisationKind.RESEARCH_LAB, ""),
    ("Université Sorbonne Paris Nord", "", OrganisationKind.RESEARCH_LAB, ""),
    ("Commune de Plessé", "", OrganisationKind.LOCAL_AUTHORITY, ""),
    ("Ville de Poitiers", "", OrganisationKind.LOCAL_AUTHORITY, ""),
]

# key: (name, street, postcode, city, department, code, region)
VENUES = {
    "dijon": (
        "Maison Diocésaine",
        "9 bis, boulevard Voltaire",
        "21000",
        "Dijon",
        "Côte-d'Or",
        "21",
        "Bourgogne-Franche-Comté",
    ),
    "tomblaine": (
        "Maison Régionale des Sports",
        "",
        "54510",
        "Tomblaine",
        "Meurthe-et-Moselle",
        "54",
        "Grand Est",
    ),
    "saint-ouen": (
        "Saint-Ouen-sur-Seine",
        "",
        "93400",
        "Saint-Ouen-sur-Seine",
        "Seine-Saint-Denis",
        "93",
        "Île-de-France",
    ),
    "rennes": ("Rennes", "", "35000", "Rennes", "Ille-et-Vilaine", "35", "Bretagne"),
}

# key: (honorific, first, last, job title, organisation name or None, free-text organisation)
SPEAKERS = {
    "pitti": ("Mme", "Laure", "Pitti", "Sociologue", None, ""),
    "moine": (
        "M.",
        "Alexandre",
        "Moine",
        "Enseignant-chercheur en géographie",
        "Laboratoire ThéMA",
        "Université de Franche-Comté, Besançon",
    ),
    "norynberg": (
        "M.",
        "Patrick",
        "Norynberg",
        "Expert de la participation citoyenne (enseignant, formateur et consultant)",
        None,
        "",
    ),
    "meziere": (
        "Mme",
        "Aurélie",
        "Mézière",
        "Maire de Plessé (Loire-Atlantique)",
        "Commune de Plessé",
        "",
    ),
    "besnard": (
        "Mme",
        "Alexandra",
        "Besnard",
        "Maire adjointe en charge de l'éducation populaire, des maisons de quartier "
        "et du numérique responsable",
        "Ville de Poitiers",
        "",
    ),
    "dagorn": ("Mme", "Johanna", "Dagorn", "Sociologue", "Université de Bordeaux", ""),
    "alessandrin": ("M.", "Arnaud", "Alessandrin", "Sociologue", "Université de Bordeaux", ""),
    "luxembourg": (
        "Mme",
        "Corinne",
        "Luxembourg",
        "Enseignante-chercheuse en géographie et aménagement",
        "Université Sorbonne Paris Nord",
        "",
    ),
    "brunner": ("Mme", "Anne", "Brunner", "Directrice d'étude", "Observatoire des inégalités", ""),
    "breysse": (
        "Mme",
        "Marie",
        "Breysse",
        "Cheffe du pôle régional Bourgogne-Franche-Comté",
        "Défenseur des droits",
        "",
    ),
    "herrscher": (
        "Mme",
        "France",
        "Herrscher",
        "Adjointe au chef de bureau de la représentation de l'État",
        "Préfecture de la Côte-d'Or",
        "",
    ),
    "bejean": ("M.", "Antoine", "Béjean", "Responsable d'étude", "Trajectoire Ressources", ""),
}

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
    b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 88>>stream\nBT /F1 18 Tf 60 760 Td (Intelligence territoriale - "
    b"plaquette de presentation) Tj ET\nendstream endobj\n"
    b"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class DemoLoader:
    """Creates or updates the demo site. Safe to run any number of times."""

    def __init__(self, today=None, stdout=None, hostname=DEMO_HOSTNAME, port=DEMO_PORT):
        self.today = today or timezone.localdate()
        self.stdout = stdout
        # The default Site answers where the demo is served, so the absolute
        # links of mails, ICS files and the API lead back to it.
        self.hostname = hostname
        self.port = port
        self.locale = Locale.get_default()

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    @transaction.atomic
    def run(self):
        self.themes = {name: self.term(Theme, name) for name in THEMES}
        self.audiences = {name: self.term(Audience, name) for name in AUDIENCES}
        self.formats = {name: self.term(EventFormat, name) for name in FORMATS}
        self.organisations = {org[0]: self.organisation(*org) for org in ORGANISATIONS}
        self.venues = {key: self.venue(*values) for key, values in VENUES.items()}
        self.speakers = {key: self.speaker(*values) for key, values in SPEAKERS.items()}
        self.home = self.home_page()
        self.agenda = self.child_page(
            self.home,
            conf.page_model("AgendaPage"),
            slug="agenda",
            title="Agenda des rencontres",
            intro="<p>Journées thématiques, rencontres régionales, forums et cycles de "
            "qualification des centres de ressources politique de la ville.</p>",
        )
        self.events = {}
        for build in (
            self.event_sante,
            self.event_pre,
            self.event_intelligence_territoriale,
            self.event_participation,
            self.event_profession_banlieue,
            self.event_oriv,
            self.event_espaces_publics,
            self.event_discriminations,
            self.event_reso_villes,
        ):
            event = build()
            self.events[event.slug] = event
        self.cycles = [self.cycle_intelligence_territoriale(), self.cycle_vss()]
        self.translations = self.translate_to_english()
        self.log(
            f"Demo ready: {len(self.events)} events, {len(self.cycles)} cycles, "
            f"{len(self.translations)} records translated to English."
        )
        return self

    # English, through wagtail-localize

    def translate_to_english(self):
        """Translate the home page, the agenda, three events and the records they use."""
        self.english, _ = Locale.objects.get_or_create(language_code="en")
        events = [self.events[slug] for slug in demo_english.EVENTS]
        records = [
            *self.themes.values(),
            *self.audiences.values(),
            *self.formats.values(),
            *{event.venue for event in events if event.venue_id},
            *{
                ref["speaker"]
                for event in events
                for day in event.programme
                for session in day.value["sessions"]
                for ref in session["speakers"]
            },
        ]
        pages = [self.home, self.agenda, *events]
        return [self.translate(instance) for instance in [*records, *pages]]

    def translate(self, instance):
        """Create or update ``instance``'s English translation, and publish it.

        Strings without an English entry keep their French text (wagtail-localize's
        fallback); synchronised fields (dates, venue, speakers…) are copied.
        """
        source, _ = TranslationSource.update_or_create_from_instance(instance)
        translation, _ = Translation.objects.get_or_create(
            source=source, target_locale=self.english
        )
        segments = StringSegment.objects.filter(source=source).select_related("string", "context")
        for segment in segments:
            if segment.context.path == "slug":
                english = demo_english.SLUGS.get(segment.string.data)
            else:
                english = demo_english.STRINGS.get(segment.string.data)
            if english is not None:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=self.english,
                    context=segment.context,
                    defaults={"data": english},
                )
        is_page = isinstance(instance, Page)
        # Pages are saved as a draft revision and published here, rather than by
        # wagtail-localize once the transaction commits, so that the loader's result
        # is live inside its own transaction too.
        source.create_or_update_translation(
            self.english, publish=not is_page, fallback=True, copy_parent_pages=False
        )
        target = instance.get_translation(self.english)
        if is_page:
            target.get_latest_revision().publish()
            target = target.specific_class.objects.get(pk=target.pk)
        return target

    # Records

    def term(self, model, name):
        obj, _ = model.objects.update_or_create(name=name, locale=self.locale, defaults={})
        return obj

    def organisation(self, name, acronym, kind, url):
        obj, _ = Organisation.objects.update_or_create(
            name=name,
            locale=self.locale,
            defaults={"acronym": acronym, "kind": kind, "url": url},
        )
        if obj.logo_id is None:
            obj.logo = self.logo_image(acronym or name)
            obj.save(update_fields=["logo"])
        return obj

    def logo_image(self, label):
        from PIL import Image as PILImage
        from PIL import ImageDraw

        title = f"Logo {label}"
        image_model = get_image_model()
        existing = image_model.objects.filter(title=title).first()
        if existing:
            return existing
        canvas = PILImage.new("RGB", (240, 120), (11, 83, 148))
        ImageDraw.Draw(canvas).text((12, 50), label[:30], fill=(255, 255, 255))
        buffer = io.BytesIO()
        canvas.save(buffer, format="PNG")
        slug = stable_id("logo", label)[:8]
        return image_model.objects.create(
            title=title, file=ContentFile(buffer.getvalue(), name=f"logo-{slug}.png")
        )

    def venue(self, name, street, postcode, city, department, code, region):
        obj, _ = Venue.objects.update_or_create(
            name=name,
            city=city,
            locale=self.locale,
            defaults={
                "street_address": street,
                "postcode": postcode,
                "department": department,
                "department_code": code,
                "region": region,
                "country": "FR",
            },
        )
        return obj

    def speaker(self, honorific, first, last, job, organisation, free_text):
        obj, _ = Speaker.objects.update_or_create(
            first_name=first,
            last_name=last,
            locale=self.locale,
            defaults={
                "honorific": honorific,
                "job_title": job,
                "organisation": self.organisations.get(organisation) if organisation else None,
                "organisation_name": free_text,
            },
        )
        return obj

    def leaflet(self):
        document_model = get_document_model()
        title = "Plaquette de présentation du projet"
        existing = document_model.objects.filter(title=title).first()
        if existing:
            return existing
        return document_model.objects.create(
            title=title,
            file=ContentFile(MINIMAL_PDF, name="plaquette-intelligence-territoriale.pdf"),
        )

    # Pages

    def home_page(self):
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(depth=2, locale=self.locale).first()
        if home is None:
            home = HomePage(
                title="Rencontres de la politique de la ville",
                slug="accueil",
                locale=self.locale,
                intro="<p>Site d'exemple du paquet wagtail-rencontres : les rencontres des "
                "centres de ressources politique de la ville.</p>",
            )
            root.add_child(instance=home)
            home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname=self.hostname,
                port=self.port,
                root_page=home,
                is_default_site=True,
                site_name="Rencontres",
            )
            return home
        old_root = site.root_page if site.root_page_id != home.pk else None
        site.hostname, site.port = self.hostname, self.port
        site.root_page = home
        site.site_name = "Rencontres"
        site.save()
        if old_root is not None and old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()
        return home

    def child_page(self, parent, model, slug, **fields):
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(slug=slug, locale=parent.locale, **fields)
            parent.add_child(instance=page)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        page.save_revision().publish()
        return model.objects.get(pk=page.pk)

    def event(
        self, slug, *, title, start, end, partners=(), themes=(), audiences=(), tz=PARIS, **fields
    ):
        fields.setdefault("status", EventStatus.SCHEDULED)
        fields.setdefault("attendance_mode", AttendanceMode.OFFLINE)
        page = conf.page_model("EventPage").objects.child_of(self.agenda).filter(slug=slug).first()
        created = page is None
        if created:
            page = conf.page_model("EventPage")(slug=slug, locale=self.agenda.locale)
        page.title = title
        page.timezone = tz
        page.start = start
        page.end = end
        for name, value in fields.items():
            setattr(page, name, value)
        page.partners.set(
            [
                EventPartner(organisation=self.organisations[name], role=role, sort_order=index)
                for index, (name, role) in enumerate(partners)
            ]
        )
        page.themes.set([self.themes[name] for name in themes])
        page.audiences.set([self.audiences[name] for name in audiences])
        if created:
            self.agenda.add_child(instance=page)
        page.full_clean()
        page.save_revision().publish()
        return conf.page_model("EventPage").objects.get(pk=page.pk)

    def session(
        self,
        key,
        start,
        title,
        session_format,
        *,
        end=None,
        description="",
        speakers=(),
        room="",
        remote=False,
        restricted=(),
        capacity=None,
    ):
        return {
            "type": "item",
            "id": stable_id(key, start, title),
            "value": {
                "start_time": start,
                "end_time": end,
                "title": title,
                "format": session_format,
                "description": description,
                "speakers": [
                    {
                        "type": "item",
                        "id": stable_id(key, title, speaker_key),
                        "value": {"speaker": self.speakers[speaker_key].pk, "role": role},
                    }
                    for speaker_key, role in speakers
                ],
                "room": room,
                "remote": remote,
                "restricted_audiences": [
                    {
                        "type": "item",
                        "id": stable_id(key, title, name),
                        "value": self.audiences[name].pk,
                    }
                    for name in restricted
                ],
                "capacity": capacity,
            },
        }

    def day(self, key, date, sessions, title=""):
        return {
            "type": "day",
            "id": stable_id(key, date),
            "value": {"date": date.isoformat(), "title": title, "sessions": sessions},
        }

    def at(self, day, hour, minute=0, tz=PARIS):
        return make_local(day, dt.time(hour, minute), tz)

    # The nine seed events

    def event_sante(self):
        day = upcoming_thursday(self.today, 6)
        return self.event(
            "approches-communautaires-en-sante",
            title="Les approches communautaires en santé dans les quartiers populaires",
            subtitle="Une journée thématique pour regarder la santé comme un fait global, "
            "liée aux conditions sociales, économiques et environnementales.",
            start=self.at(day, 9, 30),
            end=self.at(day, 16, 30),
            format=self.formats["Journée thématique"],
            themes=["Santé", "Participation citoyenne"],
            audiences=["Agents des collectivités", "Associations", "Conseillers citoyens"],
            partners=[("Pôle ressources ville et développement social", PartnerRole.ORGANISER)],
            body=[
                {
                    "type": "paragraph",
                    "value": "<p>La sociologue Laure Pitti retrace l'histoire de la santé "
                    "communautaire en France et la relie aux inégalités sociales de santé, en "
                    "s'appuyant sur les recherches menées autour des structures d'exercice "
                    "coordonné participatives (SecPa).</p><p>Des témoignages suivent : le "
                    "réseau national des centres de santé communautaire, le centre « La Place "
                    "Santé » à Saint-Denis, l'association belge « les Pissenlits » et des "
                    "actions participatives de promotion de la santé à Gennevilliers.</p>",
                }
            ],
            programme=[
                self.day(
                    "sante",
                    day,
                    [
                        self.session("sante", "09:30", "Accueil", SessionFormat.WELCOME),
                        self.session(
                            "sante",
                            "10:00",
                            "Histoire et enjeux des approches communautaires en santé",
                            SessionFormat.TALK,
                            end="11:30",
                            speakers=[("pitti", "")],
                        ),
                        self.session(
                            "sante",
                            "11:30",
                            "Témoignages d'expériences",
                            SessionFormat.TESTIMONIES,
                            end="12:30",
                        ),
                        self.session(
                            "sante", "12:30", "Déjeuner", SessionFormat.LUNCH, end="14:00"
                        ),
                    ],
                )
            ],
            programme_to_come=True,
            registration_mode=RegistrationMode.INTERNAL,
            registration_closes_at=self.at(day - dt.timedelta(days=7), 23, 59),
            documents=[
                {
                    "type": "link",
                    "value": {
                        "label": "En savoir +",
                        "url": "https://example.org/sante-communautaire",
                    },
                }
            ],
        )

    def event_pre(self):
        day = upcoming_thursday(self.today, 10)
        return self.event(
            "pre-et-cites-educatives",
            title="Réseau régional des PRE et des cités éducatives",
            subtitle="Un temps de réseau et une question : l'excellence a-t-elle une place "
            "dans l'intervention éducative et scolaire dans les QPV ?",
            start=self.at(day, 9, 30),
            end=self.at(day, 16, 0),
            format=self.formats["Rencontre régionale"],
            themes=["Éducation"],
            audiences=["Acteurs éducatifs", "Agents des collectivités", "Services de l'État"],
            partners=[
                ("Trajectoire Ressources", PartnerRole.ORGANISER),
                ("DREETS Bourgogne-Franche-Comté", PartnerRole.CO_ORGANISER),
                ("Laboratoire C3S", PartnerRole.CO_ORGANISER),
            ],
            objectives=[
                {
                    "type": "objective",
                    "value": "Se rencontrer, partager enjeux et "
                    "perspectives, et accueillir les nouvelles cités éducatives.",
                },
                {
                    "type": "objective",
                    "value": "Croiser les regards sur la place de "
                    "l'excellence dans l'intervention éducative en QPV.",
                },
            ],
            body=[
                {
                    "type": "paragraph",
                    "value": "<p>Le programme de réussite éducative (lancé en 2005) et le label "
                    "des Cités éducatives (lancé en 2019) portent le volet éducatif des contrats "
                    "« Engagements Quartiers 2030 ». Cette rencontre réunit leurs acteurs de "
                    "Bourgogne-Franche-Comté.</p>",
                }
            ],
            programme_to_come=True,
            registration_mode=RegistrationMode.INTERNAL,
        )

    def event_intelligence_territoriale(self):
        day = dt.date(2025, 3, 20)
        return self.event(
            "intelligence-territoriale-premiere-sequence",
            title="L'intelligence territoriale au service des habitants des quartiers "
            "prioritaires — première séquence",
            subtitle="Première rencontre régionale du cycle de qualification 2025 : la "
            "géo-sociologie et ses outils graphiques.",
            start=self.at(day, 9, 30),
            end=self.at(day, 16, 30),
            format=self.formats["Séance de cycle"],
            venue=self.venues["dijon"],
            themes=["Observation et intelligence territoriale"],
            audiences=["Agents des collectivités", "Services de l'État", "Associations"],
            partners=[
                ("Trajectoire Ressources", PartnerRole.ORGANISER),
                ("Union européenne — FSE+", PartnerRole.FUNDER),
            ],
            funding_statement="Ce projet est cofinancé par l'Union européenne dans le cadre du "
            "programme national FSE+ Emploi-Inclusion-Jeunesse-Compétences.",
            programme=[
                self.day(
                    "it1",
                    day,
                    [
                        self.session(
                            "it1",
                            "09:30",
                            "Le territoire comme système : apports de la géo-sociologie",
                            SessionFormat.TALK,
                            end="12:30",
                            speakers=[("moine", "")],
                        ),
                        self.session("it1", "12:30", "Déjeuner", SessionFormat.LUNCH, end="13:30"),
                        self.session(
                            "it1",
                            "13:30",
                            "Mettre au travail une situation territoriale",
                            SessionFormat.WORKSHOP,
                            end="16:30",
                            speakers=[("moine", "")],
                        ),
                    ],
                )
            ],
            registration_mode=RegistrationMode.INTERNAL,
            documents=[{"type": "document", "value": {"document": self.leaflet().pk, "title": ""}}],
        )

    def event_participation(self):
        day = dt.date(2025, 3, 27)
        pqna = "Pays et Quartiers de Nouvelle-Aquitaine"
        return self.event(
            "participation-citoyenne-quartiers-prioritaires",
            title="Renforcer la participation citoyenne dans les quartiers prioritaires",
            subtitle="Une journée pour échanger, s'inspirer et repartir avec des solutions "
            "concrètes, au moment où entrent en vigueur les nouveaux contrats de ville.",
            start=self.at(day, 9, 0),
            end=self.at(day, 16, 30),
            format=self.formats["Journée thématique"],
            themes=["Participation citoyenne", "Contrats de ville"],
            audiences=[
                "Élus",
                "Agents des collectivités",
                "Services de l'État",
                "Conseillers citoyens",
                "Associations",
            ],
            partners=[(pqna, PartnerRole.ORGANISER)],
            audience_text="<p>Tous les acteurs de la participation citoyenne en quartiers "
            "politique de la ville, et ceux qui interviennent sur des sujets voisins "
            "(jeunesse, vie associative…).</p>",
            objectives=[
                {"type": "objective", "value": text}
                for text in (
                    "Favoriser les échanges entre acteurs du réseau de la participation "
                    "citoyenne en QPV.",
                    "Identifier les conditions de réussite d'une implication active des "
                    "habitants, avec l'élu au cœur du processus.",
                    "Repartir avec des idées concrètes pour lancer des projets de participation "
                    "sur son territoire.",
                    "Partager son expérience et s'enrichir de celle des autres.",
                )
            ],
            programme=[
                self.day(
                    "pqna",
                    day,
                    [
                        self.session("pqna", "09:00", "Accueil café", SessionFormat.WELCOME),
                        self.session(
                            "pqna",
                            "09:20",
                            "Introduction et mots d'accueil de la journée",
                            SessionFormat.INTRODUCTION,
                        ),
                        self.session(
                            "pqna", "09:35", "Temps d'inclusion", SessionFormat.NETWORKING
                        ),
                        self.session(
                            "pqna",
                            "10:00",
                            "Débats et conférence inversée",
                            SessionFormat.REVERSE_CONFERENCE,
                            speakers=[("norynberg", "")],
                        ),
                        self.session(
                            "pqna",
                            "12:00",
                            "Témoignages inspirants de deux élues",
                            SessionFormat.TESTIMONIES,
                            end="12:30",
                            speakers=[("meziere", ""), ("besnard", "en visio")],
                            remote=True,
                        ),
                        self.session(
                            "pqna", "12:30", "Pause déjeuner", SessionFormat.LUNCH, end="14:00"
                        ),
                        self.session(
                            "pqna",
                            "14:00",
                            "Ateliers des solutions « Co-construisons des "
                            "recommandations pour que la participation citoyenne dans la "
                            "politique de la ville fonctionne mieux »",
                            SessionFormat.WORKSHOP,
                        ),
                        self.session(
                            "pqna", "15:45", "Temps de déclusion", SessionFormat.NETWORKING
                        ),
                        self.session(
                            "pqna",
                            "16:00",
                            "Clôture institutionnelle",
                            SessionFormat.CLOSING,
                            end="16:30",
                        ),
                    ],
                )
            ],
            registration_mode=RegistrationMode.EXTERNAL,
            registration_url="https://example.org/pqna/inscription",
            registration_link_label="S'inscrire sur le site de PQN-A",
            registration_closes_at=self.at(dt.date(2025, 3, 14), 23, 59),
        )

    def event_profession_banlieue(self):
        day = dt.date(2024, 11, 28)
        return self.event(
            "jeunes-des-quartiers-orientation-insertion",
            title="Jeunes des quartiers populaires : des trajectoires scolaires et "
            "professionnelles contraintes",
            subtitle="Les « Rencontres » de Profession Banlieue sur l'orientation et "
            "l'insertion professionnelle des jeunes des quartiers prioritaires.",
            start=self.at(day, 9, 0),
            end=self.at(day, 15, 30),
            format=self.formats["Rencontres de Profession Banlieue"],
            venue=self.venues["saint-ouen"],
            themes=["Jeunesse et insertion professionnelle", "Éducation"],
            audiences=["Agents des collectivités", "Associations", "Acteurs éducatifs"],
            partners=[("Profession Banlieue", PartnerRole.ORGANISER)],
            body=[
                {
                    "type": "paragraph",
                    "value": "<p>Origine sociale, genre et ascendance pèsent sur les parcours "
                    "des jeunes qui vivent en quartier prioritaire : diplômes moins élevés, "
                    "insertion plus difficile, filières professionnelles surreprésentées. La "
                    "journée interroge les politiques d'orientation et d'insertion.</p>",
                }
            ],
        )

    def event_oriv(self):
        day = dt.date(2024, 11, 14)
        return self.event(
            "faire-vivre-les-contrats-de-ville-grand-est",
            title="Faire vivre les nouveaux contrats de ville en Grand Est",
            subtitle="Une journée d'échanges entre élus et référents politique de la ville "
            "des collectivités et de l'État.",
            start=self.at(day, 9, 30),
            end=self.at(day, 16, 30),
            format=self.formats["Journée d'échanges"],
            venue=self.venues["tomblaine"],
            themes=["Contrats de ville"],
            audiences=["Élus", "Agents des collectivités", "Services de l'État"],
            partners=[
                ("Observatoire régional de l'intégration et de la ville", PartnerRole.ORGANISER),
                ("DREETS Grand Est", PartnerRole.CO_ORGANISER),
                ("Préfecture de la région Grand Est", PartnerRole.CO_ORGANISER),
                ("Réseau DSU Grand Est", PartnerRole.PARTNER),
            ],
            objectives=[
                {
                    "type": "objective",
                    "value": "Faire le point sur l'élaboration des contrats "
                    "de ville 2024-2030 et leur mise en œuvre.",
                },
                {
                    "type": "objective",
                    "value": "Échanger entre acteurs du Grand Est pour "
                    "profiter des compétences et des pratiques de chacun.",
                },
            ],
            programme=[
                self.day(
                    "oriv",
                    day,
                    [
                        self.session(
                            "oriv", "09:30", "Interventions officielles", SessionFormat.INTRODUCTION
                        ),
                        self.session(
                            "oriv",
                            "10:00",
                            "Panorama des quartiers politique de la ville en Grand Est",
                            SessionFormat.TALK,
                        ),
                        self.session(
                            "oriv",
                            "11:00",
                            "Faire vivre le contrat de ville : participation "
                            "citoyenne, gouvernance, animation, observation, évaluation",
                            SessionFormat.TESTIMONIES,
                            end="12:30",
                        ),
                        self.session("oriv", "12:30", "Déjeuner", SessionFormat.LUNCH, end="14:00"),
                        self.session(
                            "oriv",
                            "14:00",
                            "Échanges thématiques : transitions, insertion et "
                            "emploi, émancipation, lien social, lutte contre les "
                            "discriminations",
                            SessionFormat.WORKSHOP,
                            end="16:30",
                        ),
                    ],
                )
            ],
        )

    def event_espaces_publics(self):
        day = upcoming_thursday(self.today, 14)
        return self.event(
            "place-des-femmes-espaces-publics",
            title="La place des femmes dans les espaces publics",
            subtitle="Troisième temps du cycle de réflexion sur les violences sexistes et "
            "sexuelles : le continuum des violences, de l'espace privé à l'espace public.",
            start=self.at(day, 9, 30),
            end=self.at(day, 13, 0),
            format=self.formats["Séance de cycle"],
            themes=["Égalité femmes-hommes"],
            audiences=["Agents des collectivités", "Associations", "Élus"],
            partners=[("Pôle ressources ville et développement social", PartnerRole.ORGANISER)],
            programme=[
                self.day(
                    "vss3",
                    day,
                    [
                        self.session("vss3", "09:30", "Accueil", SessionFormat.WELCOME),
                        self.session(
                            "vss3",
                            "10:00",
                            "Inégalités de genre et continuum des violences",
                            SessionFormat.TALK,
                            end="11:00",
                            speakers=[("dagorn", ""), ("alessandrin", "")],
                        ),
                        self.session(
                            "vss3",
                            "11:00",
                            "L'appropriation de l'espace public par les "
                            "femmes : une recherche-action à Gennevilliers",
                            SessionFormat.TALK,
                            end="12:00",
                            speakers=[("luxembourg", "")],
                        ),
                        self.session(
                            "vss3",
                            "12:00",
                            "Échanges autour de projets pour des villes plus égalitaires",
                            SessionFormat.DEBATE,
                            end="13:00",
                        ),
                    ],
                )
            ],
            registration_mode=RegistrationMode.INTERNAL,
        )

    def event_discriminations(self):
        day = upcoming_thursday(self.today, 8)
        restricted = ["Chefs de projet intercommunaux", "Services de l'État"]
        return self.event(
            "lutte-contre-les-discriminations-qpv",
            title="Lutter contre les discriminations en quartier prioritaire",
            subtitle="Une journée régionale : le matin ouvert à toutes et tous, l'après-midi "
            "réservé aux chefs de projet intercommunaux et aux agents de l'État.",
            start=self.at(day, 9, 0),
            end=self.at(day, 16, 30),
            format=self.formats["Rencontre régionale"],
            venue=self.venues["dijon"],
            themes=["Lutte contre les discriminations", "Contrats de ville"],
            audiences=["Tout public", "Chefs de projet intercommunaux", "Services de l'État"],
            partners=[
                ("Trajectoire Ressources", PartnerRole.ORGANISER),
                ("DREETS Bourgogne-Franche-Comté", PartnerRole.PARTNER),
            ],
            programme=[
                self.day(
                    "ldc",
                    day,
                    [
                        self.session("ldc", "09:00", "Accueil café", SessionFormat.WELCOME),
                        self.session(
                            "ldc",
                            "09:30",
                            "Le rapport sur les discriminations en France",
                            SessionFormat.TALK,
                            end="10:15",
                            speakers=[("brunner", "")],
                        ),
                        self.session(
                            "ldc",
                            "10:15",
                            "Les missions du Défenseur des droits et le travail partenarial",
                            SessionFormat.TALK,
                            end="11:00",
                            speakers=[("breysse", "")],
                        ),
                        self.session(
                            "ldc",
                            "11:00",
                            "La DILCRAH dans le département et l'appel à projets",
                            SessionFormat.TALK,
                            end="11:45",
                            speakers=[("herrscher", "")],
                        ),
                        self.session(
                            "ldc",
                            "11:45",
                            "La lutte contre les discriminations dans les "
                            "contrats Engagements Quartiers 2030",
                            SessionFormat.TALK,
                            end="12:30",
                            speakers=[("bejean", "")],
                        ),
                        self.session("ldc", "12:30", "Déjeuner", SessionFormat.LUNCH, end="14:00"),
                        self.session(
                            "ldc",
                            "14:00",
                            "Réflexion opérationnelle en assemblée restreinte",
                            SessionFormat.WORKSHOP,
                            end="16:30",
                            description="<p>Atelier de travail du GAP à partir des apports de "
                            "la matinée.</p>",
                            room="Salle du GAP",
                            speakers=[("bejean", "animateur")],
                            restricted=restricted,
                        ),
                    ],
                )
            ],
            registration_mode=RegistrationMode.INTERNAL,
            registration_closes_at=self.at(day - dt.timedelta(days=5), 23, 59),
        )

    def event_reso_villes(self):
        day = dt.date(2024, 7, 4)
        return self.event(
            "forum-interculturalite-vivre-ensemble",
            title="Forum : interculturalité et vivre ensemble dans les quartiers",
            subtitle="Conférence, table ronde, stands d'initiatives et ateliers thématiques, "
            "ouverts à tous les acteurs de la politique de la ville.",
            start=self.at(day, 9, 30),
            end=self.at(day, 17, 0),
            format=self.formats["Forum"],
            venue=self.venues["rennes"],
            themes=["Interculturalité"],
            audiences=["Tout public", "Associations", "Agents des collectivités"],
            partners=[("RésO Villes", PartnerRole.ORGANISER)],
            programme=[
                self.day(
                    "reso",
                    day,
                    [
                        self.session("reso", "09:30", "Conférence", SessionFormat.TALK),
                        self.session("reso", "11:00", "Table ronde", SessionFormat.ROUND_TABLE),
                        self.session(
                            "reso",
                            "12:30",
                            "Déjeuner et stands d'initiatives",
                            SessionFormat.LUNCH,
                            end="14:00",
                        ),
                        self.session(
                            "reso",
                            "14:00",
                            "Ateliers thématiques",
                            SessionFormat.WORKSHOP,
                            end="17:00",
                        ),
                    ],
                )
            ],
        )

    # Cycles

    def cycle(self, slug, title, sessions, partners=(), **fields):
        page = conf.page_model("CyclePage").objects.child_of(self.agenda).filter(slug=slug).first()
        created = page is None
        if created:
            page = conf.page_model("CyclePage")(slug=slug, locale=self.agenda.locale)
        page.title = title
        for name, value in fields.items():
            setattr(page, name, value)
        page.sessions.set(
            [
                CycleSession(event=event, label=label, sort_order=index)
                for index, (event, label) in enumerate(sessions)
            ]
        )
        page.partners.set(
            [
                CyclePartner(organisation=self.organisations[name], role=role, sort_order=index)
                for index, (name, role) in enumerate(partners)
            ]
        )
        if created:
            self.agenda.add_child(instance=page)
        page.save_revision().publish()
        return page

    def cycle_intelligence_territoriale(self):
        return self.cycle(
            "cycle-intelligence-territoriale-2025",
            "Cycle de qualification 2025 : l'intelligence territoriale au service des "
            "habitants des quartiers prioritaires de Bourgogne-Franche-Comté",
            sessions=[
                (self.events["intelligence-territoriale-premiere-sequence"], "Première séquence")
            ],
            partners=[
                ("Trajectoire Ressources", PartnerRole.ORGANISER),
                ("Laboratoire ThéMA", PartnerRole.PARTNER),
                ("Union européenne — FSE+", PartnerRole.FUNDER),
            ],
            subtitle="Découvrir, expérimenter puis s'approprier les outils graphiques "
            "d'Alexandre Moine, tout au long de l'année.",
            description="<p>Un cycle ouvert à l'ensemble des acteurs des quartiers prioritaires "
            "de la région. Il commence par une rencontre régionale en présentiel à Dijon.</p>",
            funding_statement="Ce projet est cofinancé par l'Union européenne dans le cadre du "
            "programme national FSE+ Emploi-Inclusion-Jeunesse-Compétences.",
            documents=[{"type": "document", "value": {"document": self.leaflet().pk, "title": ""}}],
        )

    def cycle_vss(self):
        return self.cycle(
            "cycle-violences-sexistes-et-sexuelles",
            "Cycle de réflexion sur les violences sexistes et sexuelles",
            sessions=[(self.events["place-des-femmes-espaces-publics"], "Troisième temps")],
            partners=[("Pôle ressources ville et développement social", PartnerRole.ORGANISER)],
            subtitle="Un cycle ouvert en 2023 sur les violences sexistes et sexuelles et les "
            "inégalités de genre dans la ville.",
        )
