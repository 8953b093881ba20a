"""Database queries for listings: every filter and sort runs in the database."""

from django.apps import apps
from django.utils import timezone

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
    """Visible events below ``page`` in the page's locale."""
    return visible_events(locale=page.locale_id).descendant_of(page)


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
    """Visible cycles that list ``event`` among their sessions."""
    return (
        cycle_model()
        .objects.live()
        .public()
        .filter(sessions__event=event)
        .distinct()
        .order_by("title")
    )


def cycle_sessions(cycle):
    """Visible events of a cycle, in the editor's order."""
    return (
        visible_events(locale=cycle.locale_id)
        .filter(cycle_sessions__cycle=cycle)
        .order_by("cycle_sessions__sort_order", "start")
    )


def partners_of(page, role=None):
    """Partner links of an event or cycle, with their organisation and logo."""
    links = page.partners.select_related("organisation", "organisation__logo")
    if role is not None:
        links = links.filter(role=role)
    return links
