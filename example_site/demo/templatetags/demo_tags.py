"""Template helpers of the example site."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the current page's translation when it is live, else
    the home page in that language, else the language's root address.

    Returns dicts with ``code``, ``name``, ``url``, ``current`` and ``translated``.
    """
    request = context.get("request")
    page = context.get("page")
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    pages = {}
    if isinstance(page, Page) and page.pk:
        translations = page.get_translations(inclusive=True).live().public()
        pages = {p.locale.language_code: p for p in translations.select_related("locale")}
    site = Site.find_for_request(request) if request is not None else None
    homes = {}
    if site is not None:
        translations = site.root_page.get_translations(inclusive=True).live()
        homes = {p.locale.language_code: p for p in translations.select_related("locale")}
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
