"""The one public representation of events, cycles, speakers and records, as plain data.

One function per kind of object gives what the public may see of it, for the
object's locale and a request: :func:`event_summary` / :func:`event_detail`
(their common part :func:`event_core`), :func:`cycle` (:func:`cycle_core`),
:func:`programme_data`, :func:`speaker` (:func:`speaker_core`), :func:`venue`,
:func:`organisation`, :func:`term`. The typed API, the Wagtail API v2, ICS,
JSON-LD, search hits and registration mails all build on them.

- Language: chosen records (venue, format, themes, audiences, partner
  organisations, programme speakers) are shown in the page's locale where
  translated, as the HTML shows them (:mod:`.localization`).
- Privacy: restricted sessions come without their description, room and
  speakers (:func:`wagtail_rencontres.services.programme.days`).
- URLs: a page's full URL for the request's site (:func:`page_url`).

Values are JSON ready: datetimes are ISO 8601 strings with the offset of the
event's timezone (:func:`from_iso` reads them back), rich text is HTML with
internal links resolved. List functions take the whole page of objects at once
and fetch what they need in a constant number of queries.
"""

from wagtail_rencontres.services.representation.cycles import (
    cycle,
    cycle_core,
    cycle_list,
    cycle_sessions,
    prefetch_cycles,
)
from wagtail_rencontres.services.representation.events import (
    event_card,
    event_cards,
    event_core,
    event_detail,
    event_details,
    event_full,
    event_list,
    event_summary,
    prefetch_events,
    prepare_events,
    programme_data,
    programme_days,
    registration,
)
from wagtail_rencontres.services.representation.localization import (
    LOCALIZED,
    localize,
    prepare_pages,
)
from wagtail_rencontres.services.representation.mails import mail_context
from wagtail_rencontres.services.representation.records import (
    organisation,
    partner,
    prefetch_organisations,
    prepare_speakers,
    speaker,
    speaker_core,
    term,
    venue,
)
from wagtail_rencontres.services.representation.values import (
    from_iso,
    image,
    image_queryset,
    iso,
    page_url,
    rendition_specs,
    rich_text,
    stream_items,
)

__all__ = [
    "LOCALIZED",
    "cycle",
    "cycle_core",
    "cycle_list",
    "cycle_sessions",
    "event_card",
    "event_cards",
    "event_core",
    "event_detail",
    "event_details",
    "event_full",
    "event_list",
    "event_summary",
    "from_iso",
    "image",
    "image_queryset",
    "iso",
    "localize",
    "mail_context",
    "organisation",
    "page_url",
    "partner",
    "prefetch_cycles",
    "prefetch_events",
    "prefetch_organisations",
    "prepare_events",
    "prepare_pages",
    "prepare_speakers",
    "programme_data",
    "programme_days",
    "registration",
    "rendition_specs",
    "rich_text",
    "speaker",
    "speaker_core",
    "stream_items",
    "term",
    "venue",
]
