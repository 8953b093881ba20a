"""Language copies of pages: which one a listing shows, and which ones exist.

Each translation of an event is a page of its own, with its own uuid and so its
own calendar UID. A feed that listed every copy would show a subscriber the
same event twice; :func:`in_language` keeps one copy per event.
:func:`page_copies` gives the copies of a page that readers may be sent to.
"""

from django.db.models import OuterRef, Q, Subquery
from wagtail.models import Page, Site

from wagtail_rencontres import conf
from wagtail_rencontres.services import queries


def in_language(queryset, locale):
    """Events of ``queryset`` in ``locale``, each event once.

    With ``WAGTAILRENCONTRES_SHOW_UNTRANSLATED_EVENTS``, as on agenda pages, an
    event with no visible copy in ``locale`` is kept too, once: its visible copy
    with the lowest id (the source, unless it was unpublished).
    """
    wanted = Q(locale=locale)
    if conf.get_setting("SHOW_UNTRANSLATED_EVENTS"):
        visible = queries.live_public(queries.event_model())
        translated = visible.filter(locale=locale).values("translation_key")
        first_copy = visible.filter(translation_key=OuterRef("translation_key")).order_by("pk")
        wanted |= ~Q(translation_key__in=translated) & Q(pk=Subquery(first_copy.values("pk")[:1]))
    return queryset.filter(wanted)


def page_copies(page, request=None):
    """``(pages, homes)``: the live copies of ``page`` and of the site's home page,
    each ``{language code: page}``.

    A copy of ``page`` under a view restriction is left out (it is not offered
    to readers); home pages are kept, as Wagtail serves them. One query, kept on
    the request, so that a language switcher and the head's ``hreflang``
    alternates of one page read it once.
    """
    memo = getattr(request, "_rencontres_page_copies", None) if request is not None else None
    if memo is not None and page.pk in memo:
        return memo[page.pk]
    site = Site.find_for_request(request) if request is not None else None
    home_key = site.root_page.translation_key if site is not None else None
    pages, homes = {}, {}
    copies = (
        Page.objects.live()
        .filter(Q(translation_key=page.translation_key) | Q(translation_key=home_key))
        .annotate(restricted=queries.view_restricted())
        .select_related("locale")
    )
    for copy in copies:
        code = copy.locale.language_code
        if copy.translation_key == page.translation_key and not copy.restricted:
            pages[code] = copy
        if copy.translation_key == home_key:
            homes[code] = copy
    if request is not None:
        request._rencontres_page_copies = {**(memo or {}), page.pk: (pages, homes)}
    return pages, homes
