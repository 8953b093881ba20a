"""Public views: ICS files and subscribable ICS feeds.

URLs are in :mod:`wagtail_rencontres.urls` (namespace ``wagtail_rencontres``).
Without a ``locale`` parameter, the events and speaker feeds list the events in
the request's language (``Locale.get_active()``), each event once: a subscriber
never gets the French and the English copy of one event under two UIDs.
"""

from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from wagtail_rencontres import conf
from wagtail_rencontres.api import filters as typed_filters
from wagtail_rencontres.api import http
from wagtail_rencontres.api.params import MAX_ID
from wagtail_rencontres.services import copies, filters, ical, queries

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _feed_response(request, queryset, name, filename):
    # The database sorts and limits; the feed keeps that order.
    events = queryset[: conf.get_setting("ICS_MAX_EVENTS")]
    response = StreamingHttpResponse(
        ical.stream_feed(events, name, request=request), content_type=CONTENT_TYPE
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
@http.conditional_feed
def events_feed(request):
    """Every visible event matching the API's filters, as a subscribable feed."""
    cleaned, errors = typed_filters.validate(request.GET)
    if errors:
        return JsonResponse(errors, status=400, json_dumps_params={"ensure_ascii": False})
    queryset = filters.apply(queries.visible_events(), cleaned)
    if not cleaned.get("locale"):
        queryset = copies.in_language(queryset, Locale.get_active())
    if not cleaned.get("ordering") and not cleaned.get("when"):
        # When capped, keep the most recent events.
        queryset = queryset.order_by("-start", "-pk")
    return _feed_response(request, queryset, _("Events"), "events.ics")


def _object_or_404(queryset, pk):
    """The object ``pk`` of ``queryset``, or a 404; an id beyond 64 bits names nothing."""
    # SQLite cannot even compare such an id: it is not sent to the database.
    found = queryset.filter(pk=pk).first() if pk <= MAX_ID else None
    if found is None:
        raise Http404
    return found


@require_GET
@http.conditional_feed
def event_ics(request, event_id):
    event = _object_or_404(queries.visible_events(), event_id)
    return _feed_response(
        request, queries.visible_events().filter(pk=event.pk), event.title, f"{event.slug}.ics"
    )


@require_GET
@http.conditional_feed
def cycle_feed(request, cycle_id):
    cycle = _object_or_404(queries.visible_cycles(), cycle_id)
    return _feed_response(request, queries.cycle_sessions(cycle), cycle.title, f"{cycle.slug}.ics")


@require_GET
@http.conditional_feed
def speaker_feed(request, speaker_id):
    speaker = _object_or_404(queries.public_speakers(), speaker_id)
    return _feed_response(
        request,
        copies.in_language(queries.events_of_speaker(speaker), Locale.get_active()).order_by(
            "-start", "-pk"
        ),
        speaker.full_name,
        f"speaker-{speaker.pk}.ics",
    )
