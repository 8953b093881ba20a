"""Seats taken, as query expressions: listings annotate them, filters compare them.

Registrations are counted on the page that holds them (the translation in
the default locale), as :mod:`wagtail_rencontres.services.capacity` counts them.
"""

from django.apps import apps
from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from wagtail.models import Page

from wagtail_rencontres.enums import RegistrationMode, RegistrationStatus
from wagtail_rencontres.services import i18n


def _outer(name, depth):
    """``name`` of the query ``depth`` levels out (``OuterRef`` nested ``depth`` times)."""
    for _level in range(depth):
        name = OuterRef(name)
    return name


def owner_expression(depth=0, outer="pk"):
    """The page holding the registrations of the page row ``depth`` queries out.

    The database form of :func:`wagtail_rencontres.services.capacity.owner_id`:
    the page's translation in the default locale, or the page itself.
    """
    source = (
        Page.objects.filter(
            translation_key=_outer("translation_key", depth + 1),
            locale__language_code=i18n.default_language_code(),
        )
        .order_by()
        .values("pk")[:1]
    )
    return Coalesce(Subquery(source), _outer(outer, depth))


def seats_expression(outer="pk"):
    """Seats taken at the page ``OuterRef(outer)``, cycle registrants included, for annotations.

    Registrations are counted on the page that holds them (the translation in
    the default locale, see :func:`owner_expression`), as
    :func:`wagtail_rencontres.services.capacity.seats_taken` counts them.
    """
    registration_model = apps.get_model("wagtail_rencontres", "Registration")
    seat_holding = registration_model.objects.filter(status__in=RegistrationStatus.seat_holding())

    def counted(queryset):
        return Coalesce(
            Subquery(
                queryset.order_by()
                .annotate(group=Value(1))
                .values("group")
                .annotate(total=Count("pk"))
                .values("total"),
                output_field=IntegerField(),
            ),
            0,
        )

    cycles = apps.get_model("wagtail_rencontres_relations", "CycleSession").objects.filter(
        event_id=owner_expression(2, outer)
    )
    own = seat_holding.filter(page_id=owner_expression(1, outer))
    via_cycles = seat_holding.filter(page_id__in=cycles.values("cycle_id"))
    return counted(own) + counted(via_cycles)


def waiting_expression(outer="pk"):
    """Registrations on the waiting list of the page ``OuterRef(outer)``, for annotations."""
    registration_model = apps.get_model("wagtail_rencontres", "Registration")
    waiting = registration_model.objects.filter(
        status=RegistrationStatus.WAITLISTED, page_id=owner_expression(1, outer)
    )
    return Coalesce(
        Subquery(
            waiting.order_by()
            .annotate(group=Value(1))
            .values("group")
            .annotate(total=Count("pk"))
            .values("total"),
            output_field=IntegerField(),
        ),
        0,
    )


def counted_seats():
    """Seats taken of events with on-site registration and a capacity, else ``NULL``.

    The annotation listings read (``registrations_seats_taken``); the other
    events count nothing.
    """
    return Case(
        When(
            Q(registration_mode=RegistrationMode.INTERNAL, registration_capacity__isnull=False),
            then=seats_expression(),
        ),
        default=None,
        output_field=IntegerField(),
    )
