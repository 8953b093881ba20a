"""``{% hreflang_alternates %}``: a page's translations as ``<link rel="alternate">``.

Search engines read these links to show each reader the page in their language
(Google's "localized versions of your page"): one link per live, public
translation, the page itself included, with full URLs, and ``x-default`` for
the copy in the site's default language.
"""

from django import template
from django.utils.html import format_html_join
from wagtail.models import Page

from wagtail_rencontres.services import copies, i18n

register = template.Library()


def alternates(page, request=None):
    """``[(hreflang, full URL)]`` of the live, public translations of ``page``.

    Read with :func:`~wagtail_rencontres.services.copies.page_copies` (one
    query, shared with a language switcher that uses it); an empty list when the
    page has no other public translation (a lone page needs no alternates).
    """
    if not isinstance(page, Page) or not page.pk:
        return []
    pages, _homes = copies.page_copies(page, request)
    found = [(code, pages[code].get_full_url(request)) for code in sorted(pages)]
    found = [(code, url) for code, url in found if url]
    if len(found) < 2:
        return []
    default = dict(found).get(i18n.default_language_code())
    return found + ([("x-default", default)] if default else [])


@register.simple_tag(takes_context=True)
def hreflang_alternates(context, page=None):
    """``{% hreflang_alternates %}`` (or ``{% hreflang_alternates some_page %}``) in ``<head>``."""
    links = alternates(page or context.get("page"), context.get("request"))
    return format_html_join("\n", '<link rel="alternate" hreflang="{}" href="{}">', links)
