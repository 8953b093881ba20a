"""Database queries for listings: every filter and sort runs in the database."""

from django.apps import apps
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from wagtail_rencontres import conf

WHEN_CHOICES = ("upcoming", "ongoing", "past")


def event_model():
    return apps.get_model("wagtail_rencontres", "EventPage")


def cycle_model():
    return apps.get_model("wagtail_rencontres", "CyclePage")


def visible_events(locale=None):
    """Live events outside any view restriction, with what listings display."""
    queryset = (
        event_model()
        .objects.live()
        .public()
        .select_related("venue", "format", "locale", "image")
        .prefetch_related("themes", "audiences")
    )
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


def events_below(page):
    """Visible events below ``page`` in the page's locale.

    With ``WAGTAILRENCONTRES_SHOW_UNTRANSLATED_EVENTS``, events below the page's
    translations are added when they have no visible translation in the page's
    locale: they show in their source language rather than not at all.
    """
    below = Q(path__startswith=page.path, locale_id=page.locale_id)
    if conf.get_setting("SHOW_UNTRANSLATED_EVENTS"):
        other_agendas = page.get_translations(inclusive=False).values_list("path", flat=True)
        elsewhere = Q()
        for path in other_agendas:
            elsewhere |= Q(path__startswith=path)
        if elsewhere:
            translated = (
                event_model()
                .objects.live()
                .public()
                .filter(locale_id=page.locale_id)
                .values("translation_key")
            )
            below |= elsewhere & ~Q(translation_key__in=translated)
    return visible_events().filter(below).exclude(pk=page.pk)


def filter_when(queryset, when, now=None):
    """Keep upcoming (ongoing included), ongoing or past events, sorted for that view."""
    now = now or timezone.now()
    if when == "upcoming":
        return queryset.filter(end__gte=now).order_by("start", "pk")
    if when == "ongoing":
        return queryset.filter(start__lte=now, end__gte=now).order_by("start", "pk")
    if when == "past":
        return queryset.filter(end__lt=now).order_by("-start", "-pk")
    raise ValueError(f"when must be one of {WHEN_CHOICES}, not {when!r}")


def cycles_of_event(event):
    """Visible cycles in the event's locale that list ``event``, or one of its translations.

    A translated cycle keeps its source's sessions (wagtail-localize synchronises them),
    so sessions are matched by translation key.
    """
    return (
        cycle_model()
        .objects.live()
        .public()
        .filter(locale_id=event.locale_id, sessions__event__translation_key=event.translation_key)
        .distinct()
        .order_by("title")
    )


def cycle_sessions(cycle):
    """Visible events of a cycle in the cycle's locale, in the editor's order.

    Sessions are matched by translation key, so a translated cycle lists the
    translations of its source's events.
    """
    links = apps.get_model("wagtail_rencontres", "CycleSession").objects.filter(cycle=cycle)
    position = links.filter(event__translation_key=OuterRef("translation_key")).values(
        "sort_order"
    )[:1]
    return (
        visible_events(locale=cycle.locale_id)
        .filter(translation_key__in=links.values("event__translation_key"))
        .annotate(session_position=Subquery(position))
        .order_by("session_position", "start")
    )


def partners_of(page, role=None):
    """Partner links of an event or cycle, with their organisation and logo."""
    links = page.partners.select_related("organisation", "organisation__logo")
    if role is not None:
        links = links.filter(role=role)
    return links
