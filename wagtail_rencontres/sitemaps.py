"""A sitemap for ``wagtail.contrib.sitemaps`` that lists every language.

Wagtail's own ``Sitemap`` lists the pages below the site's root page, which
with wagtail-localize is the root of the default language only: the translated
events, cycles and agendas live below the root's translations and were left
out. :class:`Sitemap` lists the live, public pages below the root page and
below each of its translations. Each page's ``lastmod`` is its last
publication, Wagtail's rule.

A site passes it to Wagtail's sitemap view, ``{"sitemaps": {"pages": Sitemap}}``
(see ``docs/how-to/frontend.md``, "Sitemaps and language alternates").
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from wagtail_rencontres.services import queries


class Sitemap(WagtailSitemap):
    """Wagtail's sitemap, with the pages of every translation of the site's root."""

    def items(self):
        root = self.get_wagtail_site().root_page
        below_roots = Q()
        for path in Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        ):
            below_roots |= Q(path__startswith=path)
        return (
            queries.public(Page.objects.live().filter(below_roots))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
