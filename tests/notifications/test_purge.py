"""The frontend cache purges what shows a changed event: page, agendas, feeds, API."""

import pytest
from wagtail.models import Locale

from tests.notifications import backends
from tests.sites import other_language
from wagtail_rencontres.services import purge

pytestmark = pytest.mark.django_db

CACHE = {"recording": {"BACKEND": "tests.notifications.backends.RecordingBackend"}}


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = CACHE
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []  # the URLs as given, not one per language
    backends.PURGED.clear()
    yield backends.PURGED
    backends.PURGED.clear()


def expected_urls(event, agenda):
    root = event.get_site().root_url
    return {
        event.get_full_url(),
        agenda.get_full_url(),
        f"{root}/api/rencontres/events",
        f"{root}/api/rencontres/events/{event.pk}",
        f"{root}/rencontres/ics/events.ics",
        f"{root}/rencontres/ics/events/{event.pk}.ics",
    }


def test_publishing_purges_the_event_its_agendas_feeds_and_api(
    purged, make_event, agenda, django_capture_on_commit_callbacks
):
    event = make_event(title="Rencontre")
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()

    assert set(purged) == expected_urls(event, agenda)


def test_unpublishing_and_deleting_purge_the_same_urls(
    purged, make_event, agenda, django_capture_on_commit_callbacks
):
    event = make_event(title="Rencontre")
    expected = expected_urls(event, agenda)
    with django_capture_on_commit_callbacks(execute=True):
        event.unpublish()
    assert set(purged) == expected

    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event.delete()
    assert set(purged) == expected  # the page's URLs, read before its row went


def test_each_live_translation_is_purged(purged, make_event, agenda):
    event = make_event(title="Rencontre")
    other, _created = Locale.objects.get_or_create(language_code=other_language())
    translation = event.copy_for_translation(other, copy_parents=True)
    translation.save_revision().publish()
    translation.refresh_from_db()

    urls = purge.urls_of(event)

    assert translation.get_full_url() in urls
    root = event.get_site().root_url
    assert f"{root}/api/rencontres/events/{translation.pk}" in urls
    assert f"{root}/rencontres/ics/events/{translation.pk}.ics" in urls


def test_nothing_is_purged_without_a_frontend_cache(
    settings, make_event, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {}
    backends.PURGED.clear()
    event = make_event()
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()

    assert backends.PURGED == []
