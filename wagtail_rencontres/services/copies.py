"""Which language copy of each event a listing shows.

Each translation of an event is a page of its own, with its own uuid and so its
own calendar UID. A feed that listed every copy would show a subscriber the
same event twice; :func:`in_language` keeps one copy per event.
"""

from django.db.models import OuterRef, Q, Subquery

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
