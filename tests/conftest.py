import datetime as dt
import os

import pytest
from django.conf import settings
from pytest_django.plugin import blocking_manager_key
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

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


DEMO_TODAY = dt.date(2026, 11, 25)

# The host site's own tests need its apps (tests.hostsite.settings).
if os.environ.get("DJANGO_SETTINGS_MODULE") != "tests.hostsite.settings":
    collect_ignore_glob = ["hostsite/test_*.py"]


def load_demo():
    from example_site.demo.demo_content import DemoLoader

    return DemoLoader(today=DEMO_TODAY).run()


@pytest.fixture(scope="module")
def demo_in_module(django_db_setup, django_db_blocker):
    """The demo site, loaded once per test module inside a transaction rolled back at its end.

    Each test runs in a savepoint inside it (pytest-django's ``db``), so what a
    test writes is undone before the next one. ``pytest_collection_modifyitems``
    runs a module's demo tests after its other tests, which never see the demo.
    """
    from django.db import transaction

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            ensure_wagtail_initial_rows()
            yield load_demo()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(demo_in_module, db):
    """The full demo site, loaded as the example site's command does."""
    return demo_in_module


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Within each run of tests from one module, tests using ``demo`` go last."""
    ordered, run = [], []
    for item in items:
        if run and item.module is not run[0].module:
            ordered += sorted(run, key=lambda each: "demo" in each.fixturenames)
            run = []
        run.append(item)
    ordered += sorted(run, key=lambda each: "demo" in each.fixturenames)
    items[:] = ordered


def ensure_wagtail_initial_rows():
    """Recreate the rows Wagtail's migrations make, when a flush emptied them.

    The flush that ends a transactional test empties every table, the default
    locale, root page, home page, site and root collection that migrations made
    included, and ``serialized_rollback`` does not bring them back on the
    in-memory SQLite test database.
    """
    if Locale.objects.exists():
        return
    locale = Locale.objects.create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = root.add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="home", locale=locale)
    )
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    Collection.add_root(name="Root")


def uses_transactional_db(item):
    marker = item.get_closest_marker("django_db")
    return bool(
        (marker and marker.kwargs.get("transaction"))
        or {"transactional_db", "live_server"} & set(item.fixturenames)
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's flush, the rows of Wagtail's migrations come back.

    Done once, after the flush, so the tests that follow on this process (any
    test under pytest-xdist, which does not run the transactional ones last)
    find the database as migrations left it.
    """
    yield
    # After the last test the test database is already gone.
    if nextitem is not None and uses_transactional_db(item):
        with item.config.stash[blocking_manager_key].unblock():
            ensure_wagtail_initial_rows()


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
