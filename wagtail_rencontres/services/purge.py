"""Frontend cache purge: the URLs that show an event or a cycle, purged when it changes.

Through ``wagtail.contrib.frontend_cache`` and the backends of
``WAGTAILFRONTENDCACHE``; nothing happens when none is configured. A change
purges the page in each of its live locales (with the paths its
``get_cached_paths`` names), every live agenda page, the ICS feeds that list
it and the typed API's lists and details. Wagtail queues the purge itself as
a task (``purge_urls_from_cache_task``).
"""

from django.urls import NoReverseMatch, reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page

from wagtail_rencontres import conf
from wagtail_rencontres.services import queries

API = "wagtail_rencontres_api"
FEEDS = "wagtail_rencontres"


def configured():
    """Whether a frontend cache backend is configured."""
    return bool(get_backends())


def _path(name, **kwargs):
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:  # the site does not mount the API or the feeds
        return None


def paths_of(page, ids):
    """Paths (not pages) that show ``page``: feeds and API, for the page ids ``ids``."""
    if isinstance(page, queries.cycle_model()):
        names = [(f"{API}:list_cycles", {})]
        names += [(f"{API}:cycle_detail", {"cycle_id": pk}) for pk in ids]
        names += [(f"{FEEDS}:cycle_feed", {"cycle_id": pk}) for pk in ids]
    else:
        names = [(f"{API}:list_events", {})]
        names += [(f"{API}:event_detail", {"event_id": pk}) for pk in ids]
        names += [(f"{FEEDS}:event_ics", {"event_id": pk}) for pk in ids]
    names.append((f"{FEEDS}:events_feed", {}))
    return [path for name, kwargs in names if (path := _path(name, **kwargs))]


def urls_of(page):
    """Every URL that shows ``page`` (pages expanded by Wagtail's ``get_cached_paths``)."""
    batch = PurgeBatch()
    translations = [page]
    if page.translation_key is not None:
        others = Page.objects.live().filter(translation_key=page.translation_key)
        translations += list(others.exclude(pk=page.pk).specific())
    batch.add_pages(translations)
    batch.add_pages(conf.page_model("AgendaPage").objects.live())
    site = page.get_site()
    if site is not None:
        root = site.root_url
        batch.add_urls(root + path for path in paths_of(page, [p.pk for p in translations]))
    return batch.urls


def purge(urls):
    """Purge ``urls`` (:func:`urls_of`) from the frontend caches, in a task of Wagtail's."""
    PurgeBatch(urls).purge()
