"""Template helpers of the example site."""

from django import template
from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language
from wagtail.models import Page, Site

from wagtail_rencontres.services import queries

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the current page's translation when it is live, else
    the home page in that language, else the language's root address.

    Returns dicts with ``code``, ``name``, ``url``, ``current`` and ``translated``.
    The translations of the page and of the home page are read in one query.
    """
    request = context.get("request")
    page = context.get("page")
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    page_key = page.translation_key if isinstance(page, Page) and page.pk else None
    site = Site.find_for_request(request) if request is not None else None
    home_key = site.root_page.translation_key if site is not None else None
    pages, homes = {}, {}
    if page_key or home_key:
        translations = (
            Page.objects.live()
            .filter(Q(translation_key=page_key) | Q(translation_key=home_key))
            .annotate(restricted=queries.view_restricted())
            .select_related("locale")
        )
        for translation in translations:
            code = translation.locale.language_code
            # A private translation is not offered; the home page is, as Wagtail serves it.
            if translation.translation_key == page_key and not translation.restricted:
                pages[code] = translation
            if translation.translation_key == home_key:
                homes[code] = translation
    links = []
    for code, name in settings.LANGUAGES:
        translated = code in pages
        target = pages.get(code) or homes.get(code)
        url = target.get_url(request) if target is not None else f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "translated": translated,
            }
        )
    return links
