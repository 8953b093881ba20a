"""What a change to an event or a cycle sets off outside the site: webhooks and cache purge.

Receivers call :func:`page_changed` when a page is published, unpublished,
deleted or moved, or when a snippet it shows is edited; the registration
workflow calls :func:`registration_changed` when a page becomes full or
open again, and the change stamp (:mod:`.freshness`) calls
:func:`registration_dates_passed` when opening dates or deadlines have
passed. Each announces the change to the receivers of
``WAGTAILRENCONTRES_WEBHOOKS`` (:mod:`.webhooks`) and purges the URLs that
show the page from the frontend caches (:mod:`.purge`) once the transaction
commits. With neither configured, nothing is read or written.
"""

from django.db import transaction
from django.urls import NoReverseMatch, reverse

from wagtail_rencontres.enums import RegistrationMode
from wagtail_rencontres.services import purge, queries, webhooks

#: Registration states a webhook announces.
REGISTRATION_FULL = "full"
REGISTRATION_OPEN = "open"
REGISTRATION_CLOSED = "closed"


def enabled():
    """Whether anything listens: webhook receivers or a frontend cache."""
    return bool(webhooks.receivers()) or purge.configured()


def kind_of(page):
    """``"cycle"`` or ``"event"``: the prefix of the notification type."""
    return "cycle" if isinstance(page, queries.cycle_model()) else "event"


def api_path(page):
    """The typed API's path of ``page`` (None where the site does not mount the API)."""
    kind = kind_of(page)
    try:
        return reverse(f"wagtail_rencontres_api:{kind}_detail", kwargs={f"{kind}_id": page.pk})
    except NoReverseMatch:
        return None


def page_changed(page, action, **extra):
    """Announce ``<kind>.<action>`` for ``page`` and purge what shows it, on commit."""
    if not enabled():
        return
    kind = kind_of(page)
    data = {
        "kind": kind,
        "id": page.pk,
        "locale": page.locale.language_code,
        "api_path": api_path(page),
        **extra,
    }
    webhooks.announce(kind, action, page.pk, data)
    if purge.configured():
        # Read now: a deleted page has lost its id by the time the transaction commits.
        urls = purge.urls_of(page)
        transaction.on_commit(lambda: purge.purge(urls), robust=True)


def pages_changed(pages, action):
    """:func:`page_changed` for each page."""
    if not enabled():
        return
    for page in pages:
        page_changed(page, action)


def registration_changed(page, state):
    """Registration to ``page`` became full, open or closed (``REGISTRATION_*``)."""
    page_changed(page, "registration_changed", registration=state)


def registration_dates_passed(since, until):
    """Announce the registrations that opened or closed from ``since`` (included) to ``until``.

    Called by :mod:`.freshness` once per passed boundary: each date is announced once.
    """
    if not enabled():
        return
    for model in (queries.event_model(), queries.cycle_model()):
        taking = model.objects.live().exclude(registration_mode=RegistrationMode.NONE)
        taking = taking.select_related("locale").order_by("pk")
        for field, state in (
            ("registration_opens_at", REGISTRATION_OPEN),
            ("registration_closes_at", REGISTRATION_CLOSED),
        ):
            for page in taking.filter(**{f"{field}__gte": since, f"{field}__lt": until}):
                registration_changed(page, state)
