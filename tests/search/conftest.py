"""Fixtures of the search suite, run unchanged on every backend.

Choose the backend with ``RENCONTRES_SEARCH_BACKEND`` (``sqlite``, ``postgres``,
``elasticsearch``, ``opensearch``) plus ``DATABASE_URL``, ``ELASTICSEARCH_URL``
or ``OPENSEARCH_URL``; see docs/how-to/search.md.
"""

import datetime as dt
import uuid
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from tests.factories import (
    AudienceFactory,
    CyclePageFactory,
    EventFormatFactory,
    EventPageFactory,
    OrganisationFactory,
    SpeakerFactory,
    ThemeFactory,
    VenueFactory,
    paris,
)
from wagtail_rencontres.models import CycleSession

ENGINE = settings.RENCONTRES_SEARCH_BACKEND
INDEX_PREFIX = settings.WAGTAILSEARCH_BACKENDS["default"].get("INDEX_PREFIX", "")


def engine_name():
    """sqlite, postgres, elasticsearch or opensearch: what actually answers."""
    if ENGINE in ("elasticsearch", "opensearch"):
        return ENGINE
    from django.db import connection

    return "postgres" if connection.vendor == "postgresql" else "sqlite"


class SearchIndex:
    rebuilt = False

    def rebuild(self):
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
        SearchIndex.rebuilt = True

    def refresh(self):
        """Make the latest writes searchable (Elasticsearch is near-real-time)."""
        backend = get_search_backend()
        if hasattr(backend, "es"):
            backend.es.indices.refresh(index=f"{INDEX_PREFIX}*")

    def clear(self):
        """Start from an empty index.

        Database backends need nothing: their index rows roll back with each
        test. Elasticsearch keeps documents of earlier tests, so they are
        deleted (the indexes and their French mappings are built once).
        """
        backend = get_search_backend()
        if not hasattr(backend, "es"):
            return
        if not SearchIndex.rebuilt:
            self.rebuild()
        # Delete document by document: the CI Elasticsearch node has no
        # _delete_by_query (see ci/search-servers/README.md).
        hits = backend.es.search(
            index=f"{INDEX_PREFIX}*",
            body={"query": {"match_all": {}}, "size": 10000, "_source": False},
        )["hits"]["hits"]
        if hits:
            operations = [{"delete": {"_index": hit["_index"], "_id": hit["_id"]}} for hit in hits]
            backend.es.bulk(body=operations, refresh=True)


@pytest.fixture
def search_index(db):
    index = SearchIndex()
    index.clear()
    return index


def session(time_start, time_end, title, description="", speakers=(), room="", restricted=()):
    return {
        "type": "item",
        "id": str(uuid.uuid4()),
        "value": {
            "start_time": time_start.isoformat(),
            "end_time": time_end.isoformat(),
            "title": title,
            "format": "talk",
            "description": description,
            "speakers": [
                {
                    "type": "item",
                    "id": str(uuid.uuid4()),
                    "value": {"speaker": speaker.pk, "role": ""},
                }
                for speaker in speakers
            ],
            "room": room,
            "remote": False,
            "restricted_audiences": [
                {"type": "item", "id": str(uuid.uuid4()), "value": audience.pk}
                for audience in restricted
            ],
            "capacity": None,
        },
    }


def programme(day, sessions):
    return [
        {
            "type": "day",
            "id": str(uuid.uuid4()),
            "value": {"date": day.isoformat(), "title": "", "sessions": sessions},
        }
    ]


@pytest.fixture
def catalogue(agenda, search_index):
    """Two public events, a cycle, a draft, a private event, indexed as they are saved."""
    egalite = ThemeFactory(name="Égalité femmes-hommes", slug="egalite")
    discriminations = ThemeFactory(name="Lutte contre les discriminations", slug="discriminations")
    journee = EventFormatFactory(name="Journée thématique", slug="journee-thematique")
    webinaire = EventFormatFactory(name="Webinaire", slug="webinaire")
    elus = AudienceFactory(name="Élus", slug="elus")
    dijon = VenueFactory(name="Maison Diocésaine", city="Dijon")
    strasbourg = VenueFactory(
        name="Maison des associations",
        city="Strasbourg",
        department="Bas-Rhin",
        department_code="67",
        region="Grand Est",
    )
    universite = OrganisationFactory(name="Université de Bourgogne", acronym="uB")
    norynberg = SpeakerFactory(
        first_name="Sophie", last_name="Norynberg", job_title="Urbaniste", organisation=universite
    )
    secret_speaker = SpeakerFactory(first_name="Hélène", last_name="Quintanar", job_title="Maire")
    day_one = dt.date(2024, 11, 28)
    espaces = EventPageFactory(
        parent=agenda,
        title="Égalité femmes-hommes dans les espaces publics",
        subtitle="Une journée sur la politique de la ville et le genre.",
        start=paris(day_one, 9),
        end=paris(day_one, 17),
        venue=dijon,
        format=journee,
        programme=programme(
            day_one,
            [
                session(
                    dt.time(9, 30),
                    dt.time(10, 30),
                    "Genre et espaces publics",
                    description="<p>Retour sur les marches exploratoires.</p>",
                    speakers=[norynberg],
                ),
                session(
                    dt.time(14),
                    dt.time(15),
                    "Atelier réservé",
                    description="<p>Motcachézanzibar et budget confidentiel.</p>",
                    speakers=[secret_speaker],
                    room="Salle Tourmaline",
                    restricted=[elus],
                ),
            ],
        ),
    )
    espaces.themes.set([egalite])
    espaces.save_revision().publish()
    day_two = dt.date(2025, 3, 13)
    embauche = EventPageFactory(
        parent=agenda,
        title="Prévenir les discriminations à l'embauche",
        subtitle="Un webinaire sur la politique de la ville et l'emploi.",
        start=paris(day_two, 14),
        end=paris(day_two, 16),
        venue=strasbourg,
        format=webinaire,
    )
    embauche.themes.set([discriminations])
    embauche.save_revision().publish()
    draft = EventPageFactory(parent=agenda, title="Égalité zorglub, pas encore publié", live=False)
    draft.save_revision()
    espaces_revision = espaces.get_latest_revision_as_object()
    espaces_revision.title = "Égalité xylophone en brouillon"
    espaces_revision.save_revision()  # a draft of a live page
    private = EventPageFactory(parent=agenda, title="Égalité réservée aux adhérents")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    cycle = CyclePageFactory(
        parent=agenda,
        title="Cycle égalité et territoires",
        subtitle="Trois sessions sur la politique de la ville.",
    )
    cycle.themes.set([egalite])
    cycle.save_revision().publish()
    CycleSession.objects.create(cycle=cycle, event=espaces)
    search_index.refresh()
    return {
        "espaces": espaces,
        "embauche": embauche,
        "draft": draft,
        "private": private,
        "cycle": cycle,
        "norynberg": norynberg,
        "secret_speaker": secret_speaker,
        "egalite": egalite,
        "journee": journee,
    }
