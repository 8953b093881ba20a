import datetime as dt

import pytest
from wagtail.models import Locale, Page, Site

from tests.factories import AgendaPageFactory, EventPageFactory, paris


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def site_root(root_page):
    """The default site's root page, as a fresh test database has it."""
    return Site.objects.get(is_default_site=True).root_page


@pytest.fixture
def agenda(site_root):
    return AgendaPageFactory(parent=site_root, title="Agenda", slug="agenda")


@pytest.fixture
def make_event(agenda):
    """Create a published event below the agenda: make_event(day, 9, 17, title=…)."""

    def make(day=dt.date(2024, 11, 28), start_hour=9, end_hour=17, **fields):
        fields.setdefault("start", paris(day, start_hour))
        fields.setdefault("end", paris(day, end_hour))
        return EventPageFactory(parent=fields.pop("parent", agenda), **fields)

    return make


@pytest.fixture
def french(db):
    return Locale.objects.get(language_code="fr")


@pytest.fixture
def demo(db):
    """The full demo site, loaded as the example site's command does."""
    from example_site.demo.demo_content import DemoLoader

    return DemoLoader(today=dt.date(2026, 11, 25)).run()


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches site root paths; each test starts from a clean cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language(settings):
    """Each test starts in the site's default language.

    Requests made through the test client (LocaleMiddleware, Wagtail's admin)
    activate a language in the test thread and leave it active afterwards.
    """
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
