"""schema.org ``Event`` as JSON-LD, following Google's Event rich-result rules.

- Cancelled events keep their original ``startDate``; rescheduled ones add
  ``previousStartDate``.
- ``location`` is a Place, a VirtualLocation, or both for hybrid events. An
  in-person or hybrid event without a venue gets a "place to be announced"
  whose address is ``WAGTAILRENCONTRES_PLACE_TO_BE_ANNOUNCED``.
- Image and logo URLs are absolute, resolved against the event's full URL.
- Speakers of public sessions are ``performer``; organisers ``organizer``;
  partners ``sponsor``; co-funders ``funder``.
- Free registration on this site becomes an ``Offer`` at price 0, with the
  registration URL, its validity dates and availability (``InStock`` while
  places are left, ``SoldOut`` when full, waiting list or not, or closed,
  ``PreOrder`` before it opens); registration elsewhere an ``Offer`` with its
  URL.

Everything but the description is read from the event's representation
(:mod:`~wagtail_rencontres.services.representation`), so the place, the
organisations and the speakers are those of the API, in the event's locale.
"""

import json
from urllib.parse import urljoin

from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail_rencontres import conf
from wagtail_rencontres.enums import (
    AttendanceMode,
    EventStatus,
    PartnerRole,
    RegistrationClosedReason,
    RegistrationMode,
)
from wagtail_rencontres.services import programme, representation
from wagtail_rencontres.services.representation import from_iso

STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.RESCHEDULED: "https://schema.org/EventRescheduled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
    EventStatus.FULL: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
}
ATTENDANCE = {
    AttendanceMode.OFFLINE: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "https://schema.org/MixedEventAttendanceMode",
}
ROLES = {
    "organizer": (PartnerRole.ORGANISER, PartnerRole.CO_ORGANISER),
    "sponsor": (PartnerRole.PARTNER,),
    "funder": (PartnerRole.FUNDER,),
}
# Characters that could end the <script> element or open a comment, as JSON escapes.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _place(venue):
    address = {
        "@type": "PostalAddress",
        "streetAddress": venue["street_address"],
        "postalCode": venue["postcode"],
        "addressLocality": venue["city"],
        "addressRegion": venue["region"],
        "addressCountry": venue["country"],
    }
    place = {
        "@type": "Place",
        "name": venue["name"],
        "address": {key: value for key, value in address.items() if value},
    }
    if venue["latitude"] is not None and venue["longitude"] is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": venue["latitude"],
            "longitude": venue["longitude"],
        }
    return place


def _place_to_be_announced(language):
    with translation.override(language):
        name = _("Place to be announced")
    address = conf.get_setting("PLACE_TO_BE_ANNOUNCED")
    return {"@type": "Place", "name": name, "address": {"@type": "PostalAddress", **address}}


def _locations(event, mode):
    locations = []
    if mode != AttendanceMode.ONLINE:
        venue = event["venue"]
        locations.append(_place(venue) if venue else _place_to_be_announced(event["locale"]))
    if mode != AttendanceMode.OFFLINE:
        # An event moved online before its link is known: its page tells how to join.
        locations.append({"@type": "VirtualLocation", "url": event["online_url"] or event["url"]})
    return locations[0] if len(locations) == 1 else locations


def _organisation(org, base):
    data = {"@type": "Organization", "name": org["name"]}
    if org["url"]:
        data["url"] = org["url"]
    if org["logo"]:
        data["logo"] = urljoin(base, org["logo"]["url"])
    return data


def _moment(data, value):
    if data["all_day"]:
        return from_iso(value, data["timezone"]).date().isoformat()
    return value


def representation_of(event, request=None):
    """The representation JSON-LD reads: the event's summary with its public programme."""
    representation.prepare_events([event])
    # The page's template shows the same programme: one reading for both.
    days = programme.days_once(event)
    representation.prepare_speakers(programme.speakers(days))
    return representation.event_summary(event, request=request, days=days)


def event_data(event, request=None):
    """The schema.org Event of ``event`` as a dict."""
    return with_description(from_representation(representation_of(event, request)), event)


def with_description(data, event):
    """``data`` with the event's ``description``: its search description, or subtitle."""
    # The page's search description is SEO text, outside the public representation.
    description = event.search_description or event.subtitle
    if description:
        data["description"] = strip_tags(description)
    return data


def from_representation(event):
    """The schema.org Event of an event's :func:`~.representation.event_summary` with
    its programme."""
    mode = event["attendance_mode"]
    # Google wants OnlineEventAttendanceMode for events moved online.
    if event["status"] == EventStatus.MOVED_ONLINE:
        mode = AttendanceMode.ONLINE
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event["title"],
        "startDate": _moment(event, event["start"]),
        "endDate": _moment(event, event["end"]),
        "eventStatus": STATUS[EventStatus(event["status"])],
        "eventAttendanceMode": ATTENDANCE[AttendanceMode(mode)],
        "url": event["url"],
        "inLanguage": event["locale"],
    }
    if event["image"]:
        data["image"] = [urljoin(event["url"], event["image"]["url"])]
    if event["status"] == EventStatus.RESCHEDULED and event["previous_start"]:
        data["previousStartDate"] = _moment(event, event["previous_start"])
    data["location"] = _locations(event, mode)
    for key, wanted in ROLES.items():
        orgs = [
            _organisation(link["organisation"], event["url"])
            for link in event["partners"]
            if link["role"] in wanted
        ]
        if orgs:
            data[key] = orgs
    performers = [
        {"@type": "Person", "name": speaker["full_name"]}
        | ({"jobTitle": speaker["job_title"]} if speaker["job_title"] else {})
        for speaker in event["programme"]["speakers"]
    ]
    if performers:
        data["performer"] = performers
    offer = _offer(event["registration"], data["url"])
    if offer:
        data["offers"] = offer
        if "price" in offer:
            data["isAccessibleForFree"] = True
    return data


#: Offer availability by why registration is closed ("" when open).
AVAILABILITY = {
    "": "https://schema.org/InStock",
    RegistrationClosedReason.NOT_OPEN_YET: "https://schema.org/PreOrder",
}


def _offer(state, url):
    mode = state["mode"]
    if mode == RegistrationMode.NONE:
        return None
    if mode == RegistrationMode.EXTERNAL:
        # The other site sells or gives the places: only its address is known.
        return {"@type": "Offer", "url": state["external_url"]}
    reason = "full" if state["waitlist_open"] else state["closed_reason"]
    offer = {
        "@type": "Offer",
        # Registration on this site is free.
        "price": 0,
        "priceCurrency": "EUR",
        "availability": AVAILABILITY.get(reason, "https://schema.org/SoldOut"),
    }
    if url:  # a page outside any site has no URL
        offer["url"] = f"{url}#registration"
    if state["opens_at"]:
        offer["validFrom"] = state["opens_at"]
    if state["closes_at"]:
        offer["validThrough"] = state["closes_at"]
    return offer


def script(data):
    """``<script type="application/ld+json">`` safe to place in HTML."""
    payload = json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


def event_detail(event, request):
    """An event's full representation with the JSON-LD its page embeds, made from it:
    the typed API's event detail, live or previewed."""
    data = representation.event_full(event, request)
    data["jsonld"] = with_description(from_representation(data), event)
    return data
