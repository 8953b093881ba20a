"""schema.org ``Event`` as JSON-LD, following Google's Event rich-result rules.

- Cancelled events keep their original ``startDate``; rescheduled ones add
  ``previousStartDate``.
- ``location`` is a Place, a VirtualLocation, or both for hybrid events.
- Speakers of public sessions are ``performer``; organisers ``organizer``;
  partners ``sponsor``; co-funders ``funder``.
- Free registration on this site becomes an ``Offer`` at price 0.
"""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from wagtail_rencontres.enums import (
    AttendanceMode,
    EventStatus,
    PartnerRole,
    RegistrationMode,
)
from wagtail_rencontres.services import dates, programme, serializers

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
# Characters that could end the <script> element or open a comment, as JSON escapes.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _place(venue):
    address = {
        "@type": "PostalAddress",
        "streetAddress": venue.street_address,
        "postalCode": venue.postcode,
        "addressLocality": venue.city,
        "addressRegion": venue.region,
        "addressCountry": venue.country,
    }
    place = {
        "@type": "Place",
        "name": venue.name,
        "address": {key: value for key, value in address.items() if value},
    }
    if venue.latitude is not None and venue.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(venue.latitude),
            "longitude": float(venue.longitude),
        }
    return place


def _organisation(org):
    data = {"@type": "Organization", "name": org.name}
    if org.url:
        data["url"] = org.url
    if org.logo_id:
        data["logo"] = org.logo.file.url
    return data


def _moment(event, value):
    if event.all_day:
        return dates.to_local(value, event.timezone).date().isoformat()
    return dates.to_local(value, event.timezone).isoformat()


def event_data(event, request=None):
    """The schema.org Event of ``event`` as a dict."""
    mode = event.attendance_mode
    # Google wants OnlineEventAttendanceMode for events moved online.
    if event.status == EventStatus.MOVED_ONLINE:
        mode = AttendanceMode.ONLINE
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": _moment(event, event.start),
        "endDate": _moment(event, event.end),
        "eventStatus": STATUS[EventStatus(event.status)],
        "eventAttendanceMode": ATTENDANCE[AttendanceMode(mode)],
        "url": event.get_full_url(request),
        "inLanguage": event.locale.language_code,
    }
    description = event.search_description or event.subtitle
    if description:
        data["description"] = strip_tags(description)
    if event.image_id:
        data["image"] = [event.image.file.url]
    if event.status == EventStatus.RESCHEDULED and event.previous_start:
        data["previousStartDate"] = _moment(event, event.previous_start)
    locations = []
    if event.venue_id and mode != AttendanceMode.ONLINE:
        locations.append(_place(event.localized_venue))
    if mode in (AttendanceMode.ONLINE, AttendanceMode.MIXED) and event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    roles = {
        "organizer": (PartnerRole.ORGANISER, PartnerRole.CO_ORGANISER),
        "sponsor": (PartnerRole.PARTNER,),
        "funder": (PartnerRole.FUNDER,),
    }
    links = event.localized_partners
    for key, wanted in roles.items():
        orgs = [_organisation(link.organisation_display) for link in links if link.role in wanted]
        if orgs:
            data[key] = orgs
    performers = [
        {"@type": "Person", "name": speaker.full_name}
        | ({"jobTitle": speaker.job_title} if speaker.job_title else {})
        for speaker in programme.speakers(programme.days(event))
    ]
    if performers:
        data["performer"] = performers
    state = event.registration_state()
    if state["mode"] != RegistrationMode.NONE:
        offer = {
            "@type": "Offer",
            "url": state["external_url"] or data["url"],
            "availability": (
                "https://schema.org/InStock" if state["is_open"] else "https://schema.org/SoldOut"
            ),
        }
        if state["mode"] == RegistrationMode.INTERNAL:
            # Registration on this site is free.
            offer.update({"price": 0, "priceCurrency": "EUR"})
        if state["opens_at"]:
            offer["validFrom"] = serializers.iso(state["opens_at"], event.timezone)
        data["offers"] = offer
    return data


def script(data):
    """``<script type="application/ld+json">`` safe to place in HTML."""
    payload = json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308
