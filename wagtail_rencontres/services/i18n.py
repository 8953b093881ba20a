"""Showing chosen records in the reader's language.

Translated pages share their source's choices (venue, format, themes, audiences,
partners, programme speakers): wagtail-localize synchronises them instead of
translating them. These functions swap each chosen record for its translation in
the wanted locale when one exists, and keep the source record otherwise. Lookups
are batched: one query per model, whatever the number of records.
"""

from collections import defaultdict

from django.db.models import Model


def locale_id_of(locale):
    """The primary key of ``locale``, given as a Locale, a page or an id."""
    if locale is None:
        return None
    if isinstance(locale, int):
        return locale
    if hasattr(locale, "locale_id"):
        return locale.locale_id
    return locale.pk


def localized_many(objects, locale, select_related=()):
    """``objects`` in ``locale`` where translated, the source otherwise, in the same order.

    ``None`` items stay ``None``. Records already in ``locale`` cost no query;
    the others cost one query per model. ``select_related`` is applied to that query.
    """
    objects = list(objects)
    target = locale_id_of(locale)
    if target is None:
        return objects
    wanted = defaultdict(set)
    for obj in objects:
        if isinstance(obj, Model) and obj.locale_id != target:
            wanted[type(obj)].add(obj.translation_key)
    found = {}
    for model, keys in wanted.items():
        translations = model._default_manager.filter(translation_key__in=keys, locale_id=target)
        if select_related:
            translations = translations.select_related(*select_related)
        for translation in translations:
            found[(model, translation.translation_key)] = translation
    return [
        found.get((type(obj), obj.translation_key), obj) if isinstance(obj, Model) else obj
        for obj in objects
    ]


def localized(obj, locale):
    """``obj``'s translation in ``locale`` when one exists, else ``obj`` itself."""
    if obj is None:
        return None
    return localized_many([obj], locale)[0]


def localize_event_choices(events, locale=None):
    """Fill ``localized_venue`` and ``localized_format`` on a list of events at once.

    Each event is shown in ``locale`` (default: the event's own locale). Listings call
    this on the page of events they display, so that cards cost no extra query each.
    """
    events = list(events)
    by_locale = defaultdict(list)
    for event in events:
        by_locale[locale_id_of(locale) or event.locale_id].append(event)
    for target, group in by_locale.items():
        venues = localized_many([event.venue for event in group], target)
        formats = localized_many([event.format for event in group], target)
        for event, venue, event_format in zip(group, venues, formats, strict=True):
            event.__dict__["localized_venue"] = venue
            event.__dict__["localized_format"] = event_format
    return events


def partner_links(page):
    """The page's partner links, each with ``organisation_display`` in the page's locale."""
    links = list(page.partners.select_related("organisation", "organisation__logo"))
    organisations = localized_many(
        [link.organisation for link in links], page.locale_id, select_related=["logo"]
    )
    for link, organisation in zip(links, organisations, strict=True):
        link.organisation_display = organisation
    return links
