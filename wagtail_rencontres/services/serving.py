"""Serving one event page in few queries: the event read with what its page checks.

Wagtail routes a request one query per tree level (the child, then its
specific page), then reads the page's view restrictions (two queries), its
seats taken and its relations one query each. An agenda routes to its events
with :func:`route` and :func:`events_to_serve` instead: one query gives the specific event with
its locale, venue and format, its seats taken, and whether it has view
restrictions, cycles and registration questions, so that serving the page
reads these only when there are some. A site's page whose children are of one
kind (a home page above agendas) can route the same way (:func:`route`).
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from wagtail_rencontres.services import queries
from wagtail_rencontres.services.seats import counted_seats

#: Annotations of :func:`events_to_serve`; a page read otherwise (a preview) has none.
HAS_VIEW_RESTRICTIONS = "has_view_restrictions"
IN_CYCLES = "in_cycles"
HAS_REGISTRATION_FIELDS = "has_registration_fields"


def route(parent, request, path_components, children):
    """Wagtail's ``Page.route`` from ``parent``, its child read from ``children`` in one query.

    ``children`` is a queryset of one specific page model; the child comes with
    its locale. Returns ``None`` when the path names no child of that model
    (another kind of page, or a subclass): the caller then routes Wagtail's
    way, a query for the child and one for its specific page.
    """
    if not path_components:
        return None
    # With its locale: the page's template reads it for its ``lang``.
    child = (
        children.child_of(parent).select_related("locale").filter(slug=path_components[0]).first()
    )
    if child is None or child.specific_class is not children.model:
        return None
    # As Wagtail does: the child's parent is known, get_parent() reads nothing.
    child._cached_parent_obj = parent
    return child.route(request, path_components[1:])


def with_questions_known(queryset):
    """``queryset``'s pages (events or cycles), each knowing whether it asks extra
    registration questions: :func:`registration_fields` reads them only then."""
    fields = queryset.model._meta.get_field("registration_fields").related_model.objects
    return queryset.annotate(
        **{HAS_REGISTRATION_FIELDS: Exists(fields.filter(page_id=OuterRef("pk")))}
    )


def events_to_serve():
    """Events with what serving their page checks, read in one query.

    Each event comes with its locale, venue and format, and:

    - ``has_view_restrictions``: a view restriction applies to it or to an
      ancestor, or a page of its path is an alias (whose restrictions are its
      source's): Wagtail's own check then reads them;
    - ``in_cycles``: a cycle lists it or one of its translations;
    - ``has_registration_fields``: it asks extra registration questions;
    - ``registrations_seats_taken``: as listings count them.
    """
    model = queries.event_model()
    events = model.objects.select_related("locale", "venue__locale", "format").annotate(
        **{
            HAS_VIEW_RESTRICTIONS: queries.view_restricted()
            | Exists(
                Page.objects.filter(
                    alias_of__isnull=False,
                    path=Substr(OuterRef("path"), 1, Length("path")),
                )
            ),
            IN_CYCLES: Exists(
                queries.cycle_session_model().objects.filter(
                    event__translation_key=OuterRef("translation_key")
                )
            ),
            "registrations_seats_taken": counted_seats(),
        }
    )
    return with_questions_known(events)


def known_unrestricted(page):
    """Whether :func:`events_to_serve` found that no view restriction applies to ``page``."""
    return page.__dict__.get(HAS_VIEW_RESTRICTIONS) is False


def cycles_of_event(event):
    """:func:`~.queries.cycles_of_event`, without a query when no cycle lists the event."""
    if event.__dict__.get(IN_CYCLES) is False:
        return []
    return queries.cycles_of_event(event)


def registration_fields(page):
    """The page's extra registration questions, without a query when it has none."""
    if page.__dict__.get(HAS_REGISTRATION_FIELDS) is False:
        return []
    return list(page.registration_fields.all())
