"""Showing chosen records in the reader's language.

Translated pages share their source's choices (venue, format, themes, audiences,
partners, programme speakers): wagtail-localize synchronises them instead of
translating them. These functions swap each chosen record for its translation in
the wanted locale when one exists, and keep the source record otherwise. Lookups
are batched: one query per model, whatever the number of records.

The default locale is recognised by its language code, without a query
(:func:`default_language_code`).
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Model
from wagtail.coreutils import get_supported_content_language_variant


def default_language_code():
    """The language code of the default locale, read without a query (as Wagtail finds it)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


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


#: What :func:`localize_pages` fills, by default all of it.
CHOICES = ("venue", "format", "themes", "audiences", "partners")


def localize_event_choices(events):
    """Fill ``localized_venue`` and ``localized_format`` of a list of events, at once.

    Listings call this on the page of events they display, so that cards cost no
    extra query each: :func:`localize_pages` limited to what cards show.
    """
    return localize_pages(events, choices=("venue", "format"))


def localize_pages(pages, choices=CHOICES):
    """Fill the ``localized_*`` values of many event or cycle pages at once.

    Each page gets, in its own locale, ``localized_venue`` and ``localized_format``
    (events), ``localized_themes``, ``localized_audiences`` and ``localized_partners``
    (its partner links, each with ``organisation_display``): the values the page's
    cached properties would compute one query at a time. ``choices`` limits the work
    to some of them. Themes, audiences and partners are read through ``.all()``, so
    prefetch them first; translations then cost one query per model and locale,
    whatever the number of pages, and none when every record is already in the
    page's locale. Translated records come with their ``locale``.
    """
    pages = list(pages)
    by_locale = defaultdict(list)
    for page in pages:
        by_locale[page.locale_id].append(page)
    for target, group in by_locale.items():
        entries = [(page, *_chosen(page, choices)) for page in group]
        chosen = [
            obj for _page, records, _links in entries for objs in records.values() for obj in objs
        ]
        shown = iter(localized_many(chosen, target, select_related=["locale"]))
        for page, records, links in entries:
            values = {name: [next(shown) for _obj in objs] for name, objs in records.items()}
            for name in ("venue", "format"):
                if name in values:
                    page.__dict__[f"localized_{name}"] = values[name][0]
            for name in ("themes", "audiences"):
                if name in values:
                    page.__dict__[f"localized_{name}"] = values[name]
            if links is not None:
                for link, organisation in zip(links, values["partners"], strict=True):
                    link.organisation_display = organisation
                page.__dict__["localized_partners"] = links
    return pages


def _chosen(page, choices):
    """``({choice: [records]}, partner links or None)`` of a page (events add venue, format)."""
    records = {
        name: [getattr(page, name)]
        for name in ("venue", "format")
        if name in choices and hasattr(page, f"{name}_id")
    }
    for name in ("themes", "audiences"):
        if name in choices:
            records[name] = list(getattr(page, name).all())
    links = None
    if "partners" in choices:
        links = list(page.partners.all())
        records["partners"] = [link.organisation for link in links]
    return records, links


def partner_links(page):
    """The page's partner links, each with ``organisation_display`` in the page's locale."""
    links = list(page.partners.select_related("organisation", "organisation__logo"))
    organisations = localized_many(
        [link.organisation for link in links], page.locale_id, select_related=["logo"]
    )
    for link, organisation in zip(links, organisations, strict=True):
        link.organisation_display = organisation
    return links
