"""Template helpers of the example site."""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page, Site

from wagtail_rencontres.services import copies

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the current page's translation when it is live, else
    the home page in that language, else the language's root address.

    Returns dicts with ``code``, ``name``, ``url``, ``current`` and ``translated``.
    The translations of the page and of the home page are read in one query,
    shared with ``{% hreflang_alternates %}``.
    """
    request = context.get("request")
    page = context.get("page")
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if isinstance(page, Page) and page.pk:
        # The same reading as the head's hreflang alternates: one query for both.
        pages, homes = copies.page_copies(page, request)
    else:
        pages, homes = {}, _homes(request)
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


def _homes(request):
    """The live home pages of the request's site by language, for views that show no page."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {}
    homes = Page.objects.live().filter(translation_key=site.root_page.translation_key)
    return {home.locale.language_code: home for home in homes.select_related("locale")}
