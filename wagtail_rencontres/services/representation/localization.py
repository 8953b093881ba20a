"""The language rule: a page shows its chosen records in its own locale where translated.

Pages are localised in batches (:func:`localize`), after their chosen records
are fetched (:func:`prepare_pages` for instances, the ``prefetch_*`` functions
for querysets), so that a list costs a constant number of queries.
"""

from django.db.models import Prefetch, prefetch_related_objects

from wagtail_rencontres.services import i18n
from wagtail_rencontres.services.representation.values import image_queryset, renditions_prefetch

# Set on pages that :func:`localize` prepared (the page's own cached ``localized_*``
# properties, computed by a template for instance, lack the logos and locales read here).
LOCALIZED = "_rencontres_localized"


def partners_prefetch(model):
    """Partner links of ``model`` pages with their organisation, its locale and logo."""
    partner_model = model._meta.get_field("partners").related_model
    return Prefetch(
        "partners",
        queryset=partner_model.objects.select_related(
            "organisation__locale", "organisation__logo"
        ).prefetch_related(renditions_prefetch("organisation__logo")),
    )


def localize(pages):
    """Show the chosen records of events or cycles (prefetched) in each page's locale.

    One batch for the whole list (see :func:`i18n.localize_pages`); translated partner
    organisations get their logo and renditions in one more query.
    """
    pages = i18n.localize_pages(pages)
    organisations = [
        link.organisation_display for page in pages for link in page.localized_partners
    ]
    # Source organisations already hold their prefetched logo: only translations are read.
    prefetch_related_objects(organisations, Prefetch("logo", queryset=image_queryset()))
    for page in pages:
        page.__dict__[LOCALIZED] = True
    return pages


#: What agenda cards show of an event's chosen records (no partners, no images).
CARD_CHOICES = ("venue", "format", "themes", "audiences")


def localize_cards(pages):
    """:func:`localize` limited to :data:`CARD_CHOICES`, for pages fetched with their
    themes, audiences and venue locale: cards cost no query of their own. Partners,
    which cards leave out, are read on demand by the page's own property."""
    pages = i18n.localize_pages(pages, choices=CARD_CHOICES)
    for page in pages:
        page.__dict__[LOCALIZED] = True
    return pages


def ensure_localized(page):
    """Localise a page on its own unless a list did it in one batch already."""
    if not page.__dict__.get(LOCALIZED):
        prepare_pages([page])


def prepare_pages(pages, *lookups):
    """Fetch what the representation of event or cycle instances reads, then localise them.

    ``lookups`` adds relations; already fetched relations cost nothing.
    """
    pages = list(pages)
    if not pages:
        return pages
    prefetch_related_objects(
        pages, "locale", "themes", "audiences", partners_prefetch(type(pages[0])), *lookups
    )
    return localize(pages)
