"""What a registration mail shows of an event or a cycle, built on their representation.

Like the rest of the representation, this module reaches models through the
app registry only (:mod:`~wagtail_rencontres.services.queries`): the page
classes' ``api_fields`` import it while Django is still loading the models.
"""

from django.utils import translation

from wagtail_rencontres.enums import AttendanceMode
from wagtail_rencontres.services import formatting, queries
from wagtail_rencontres.services.representation.cycles import cycle_core
from wagtail_rencontres.services.representation.events import event_core, prepare_events
from wagtail_rencontres.services.representation.values import from_iso


def shown_page(page, language):
    """``page``'s live, public translation in ``language``, or ``page`` where there is none."""
    if page.locale.language_code == language:
        return page
    translation_ = (
        queries.live_public(type(page))
        .filter(translation_key=page.translation_key, locale__language_code=language)
        .first()
    )
    return translation_ or page


def mail_context(page, language, request=None):
    """What a registration mail says of an event or a cycle, in ``language``.

    ``page`` is the page registered on; its translation in ``language`` is shown
    where one is live. Keys: ``page`` (the page shown), ``is_cycle``, ``title``,
    ``url``, ``when`` (a sentence), ``timezone``, ``venue`` (``name`` and
    ``address_lines``, or ``None`` online), ``online_url`` and, for a cycle,
    ``sessions``: its visible sessions, each with the same keys as an event. A
    cycle's own ``when``, ``timezone``, ``venue`` and ``online_url`` are empty.
    """
    shown = shown_page(page, language)
    with translation.override(language):
        if isinstance(shown, queries.cycle_model()):
            sessions = prepare_events(queries.cycle_sessions(shown))
            data = cycle_core(shown, request)
            return {
                "page": shown,
                "is_cycle": True,
                "title": data["title"],
                "url": data["url"],
                "when": "",
                "timezone": "",
                "venue": None,
                "online_url": None,
                "sessions": [_event_lines(event_core(event, request)) for event in sessions],
            }
        return {
            "page": shown,
            "is_cycle": False,
            **_event_lines(event_core(shown, request)),
            "sessions": [],
        }


def _event_lines(data):
    """The lines of a mail about one event, from its :func:`event_core`."""
    shown_venue = data["venue"]
    if data["attendance_mode"] == AttendanceMode.ONLINE:
        shown_venue = None
    return {
        "title": data["title"],
        "url": data["url"],
        "when": formatting.when(
            from_iso(data["start"]), from_iso(data["end"]), data["timezone"], data["all_day"]
        ),
        "timezone": data["timezone"],
        "venue": (
            {"name": shown_venue["name"], "address_lines": shown_venue["address_lines"]}
            if shown_venue
            else None
        ),
        "online_url": data["online_url"],
    }
