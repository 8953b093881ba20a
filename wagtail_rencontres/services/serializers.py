"""The one representation of events, speakers, cycles and records, as plain data.

The typed API (django-ninja), the Wagtail API v2 ``api_fields`` and the
feeds all read these functions; none builds its own copy. Values are JSON
ready: datetimes are ISO 8601 strings with the offset of the event's
timezone, rich text is HTML with internal links resolved. Chosen records
(venue, format, themes, audiences, partner organisations, speakers) are
shown in the page's locale where translated, as the HTML shows them
(:mod:`wagtail_rencontres.services.i18n`).

List functions take the whole page of objects at once and fetch what they
need in a constant number of queries (see :func:`prepare_events`).
"""

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.rich_text import expand_db_html

from wagtail_rencontres import conf
from wagtail_rencontres.enums import EventStatus, PartnerRole, TemporalStatus
from wagtail_rencontres.services import dates, i18n, programme, queries

# Shapes


def iso(value, tz_name=None):
    """ISO 8601 with offset, in ``tz_name`` when given."""
    if value is None:
        return None
    if tz_name:
        value = dates.to_local(value, tz_name)
    return value.isoformat()


def rich_text(value):
    """Rich text (a RichTextField string or a RichText block value) as public HTML."""
    if not value:
        return ""
    source = getattr(value, "source", value)
    return expand_db_html(source)


def rendition_specs():
    return conf.get_setting("API_RENDITIONS")


def image_queryset():
    return get_image_model().objects.prefetch_renditions(*rendition_specs().values())


def image(obj):
    """An image with its original and the configured renditions."""
    if obj is None:
        return None
    specs = rendition_specs()
    renditions = obj.get_renditions(*specs.values()) if specs else {}
    return {
        "id": obj.pk,
        "title": obj.title,
        "width": obj.width,
        "height": obj.height,
        "url": obj.file.url,
        "renditions": {
            name: {
                "url": renditions[spec].url,
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in specs.items()
        },
    }


def term(obj):
    """A theme, audience or event format."""
    if obj is None:
        return None
    return {"id": obj.pk, "name": obj.name, "slug": obj.slug}


def organisation(obj):
    return {
        "id": obj.pk,
        "name": obj.name,
        "acronym": obj.acronym,
        "kind": obj.kind,
        "kind_label": str(obj.get_kind_display()),
        "url": obj.url,
        "description": obj.description,
        "logo": image(obj.logo),
        "locale": obj.locale.language_code,
    }


def venue(obj):
    if obj is None:
        return None
    return {
        "id": obj.pk,
        "name": obj.name,
        "street_address": obj.street_address,
        "postcode": obj.postcode,
        "city": obj.city,
        "department": obj.department,
        "department_code": obj.department_code,
        "region": obj.region,
        "country": obj.country,
        "latitude": float(obj.latitude) if obj.latitude is not None else None,
        "longitude": float(obj.longitude) if obj.longitude is not None else None,
        "access": obj.access,
        "accessibility": obj.accessibility,
        "locale": obj.locale.language_code,
    }


def speaker(obj):
    org = obj.organisation
    return {
        "id": obj.pk,
        "honorific": obj.honorific,
        "first_name": obj.first_name,
        "last_name": obj.last_name,
        "full_name": obj.full_name,
        "job_title": obj.job_title,
        "organisation": (
            {"id": org.pk, "name": org.name, "acronym": org.acronym} if org is not None else None
        ),
        "affiliation": obj.affiliation,
        "bio": rich_text(obj.bio),
        "photo": image(obj.photo),
        "links": [{"label": link.value["label"], "url": link.value["url"]} for link in obj.links],
        "locale": obj.locale.language_code,
    }


def partner(link):
    """A partner link; its organisation in the page's locale once localised (localize_pages)."""
    return {
        "role": link.role,
        "role_label": str(PartnerRole(link.role).label),
        "details": link.details,
        "organisation": organisation(getattr(link, "organisation_display", link.organisation)),
    }


def registration(event):
    """The summary from ``event.registration_state()``, the one contract for it."""
    state = dict(event.registration_state())
    for key in ("opens_at", "closes_at"):
        state[key] = iso(state.get(key), event.registration_timezone)
    return state


def programme_data(days):
    """Days → sessions referencing speakers by id, and the ``speakers`` alongside."""
    result = []
    for day in days:
        sessions = []
        for session in day.sessions:
            sessions.append(
                {
                    "id": session.id,
                    "start": iso(session.start),
                    "end": iso(session.end),
                    "title": session.title,
                    "format": session.format,
                    "format_label": session.format_label,
                    "restricted": session.restricted,
                    "restricted_to": list(session.restricted_to),
                    # Restricted sessions arrive here without their details (services.programme).
                    "description": rich_text(session.description) or None,
                    "room": session.room or None,
                    "remote": session.remote,
                    "speakers": [
                        {"id": ref.speaker.pk, "role": ref.role} for ref in session.speakers
                    ],
                }
            )
        result.append({"date": day.date.isoformat(), "title": day.title, "sessions": sessions})
    return {
        "days": result,
        "speakers": [speaker(obj) for obj in programme.speakers(days)],
    }


def stream_items(stream):
    """Documents, links and recordings of a StreamField as flat items."""
    items = []
    for block in stream or []:
        value = block.value
        item = {"type": block.block_type, "id": block.id}
        if block.block_type == "link":
            item.update({"title": value["label"], "url": value["url"]})
        elif block.block_type == "recording":
            embed = value["embed"]
            item.update({"title": value["title"], "url": getattr(embed, "url", str(embed or ""))})
        else:
            document = value["document"]
            if document is None:
                continue
            item.update(
                {
                    "title": value["title"] or document.title,
                    "url": document.url,
                    "file_extension": document.file_extension,
                }
            )
        items.append(item)
    return items


# Events


def event_summary(event, request=None, days=None):
    """The light representation of an event, used by lists; ``days`` adds the programme."""
    _ensure_localized(event)
    status = EventStatus(event.status)
    data = {
        "id": event.pk,
        "uuid": str(event.uuid),
        "title": event.title,
        "subtitle": event.subtitle,
        "url": event.get_full_url(request),
        "locale": event.locale.language_code,
        "start": iso(event.start, event.timezone),
        "end": iso(event.end, event.timezone),
        "timezone": event.timezone,
        "all_day": event.all_day,
        "status": status.value,
        "status_label": str(status.label),
        "previous_start": iso(event.previous_start, event.timezone),
        "temporal_status": TemporalStatus(event.temporal_status).value,
        "attendance_mode": event.attendance_mode,
        "online_url": event.online_url if event.attendance_mode != "offline" else None,
        "image": image(event.image),
        "venue": venue(event.localized_venue),
        "format": term(event.localized_format),
        "themes": [term(obj) for obj in event.localized_themes],
        "audiences": [term(obj) for obj in event.localized_audiences],
        "partners": [partner(link) for link in event.localized_partners],
        "registration": registration(event),
        "sequence": event.sequence,
        "last_published_at": iso(event.last_published_at),
    }
    if days is not None:
        data["programme"] = programme_data(days)
    return data


def event_detail(event, request=None, days=None):
    """The full representation of one event."""
    if days is None:
        days = programme.days(event)
    data = event_summary(event, request=request, days=days)
    data.update(
        {
            "audience_text": rich_text(event.audience_text),
            "objectives": [str(block.value) for block in event.objectives],
            "body": str(event.body) if event.body else "",
            "practical_info": rich_text(event.practical_info),
            "funding_statement": event.funding_statement,
            "documents": stream_items(event.documents),
            "resources": stream_items(event.resources),
            "programme_to_come": event.programme_to_come,
            "cycles": [
                {"id": cycle.pk, "title": cycle.title, "url": cycle.get_full_url(request)}
                for cycle in queries.cycles_of_event(event)
            ],
        }
    )
    return data


def prefetch_events(queryset):
    """What event representations read, fetched once for a whole page of events."""
    # The image comes through a prefetch (not a join) so its renditions come along.
    queryset = queryset.select_related(None).select_related("venue__locale", "format", "locale")
    return queryset.prefetch_related(
        Prefetch("image", queryset=image_queryset()),
        "themes",
        "audiences",
        _partners_prefetch(queryset.model),
    )


def localize(pages):
    """Show the chosen records of events or cycles (prefetched) in each page's locale.

    One batch for the whole list (see :func:`i18n.localize_pages`); translated partner
    organisations get their logo and renditions in one more query.
    """
    pages = i18n.localize_pages(pages)
    organisations = [
        link.organisation_display for page in pages for link in page.localized_partners
    ]
    # Source organisations already hold their prefetched logo: only translations are read.
    prefetch_related_objects(organisations, Prefetch("logo", queryset=image_queryset()))
    for page in pages:
        page.__dict__[LOCALIZED] = True
    return pages


# Set on pages that :func:`localize` prepared (the page's own cached ``localized_*``
# properties, computed by a template for instance, lack the logos and locales read here).
LOCALIZED = "_rencontres_localized"


def _ensure_localized(page):
    # Lists localise all their pages in one batch first; a page on its own does it here.
    if not page.__dict__.get(LOCALIZED):
        localize([page])


def prefetch_organisations(queryset):
    return queryset.select_related("locale").prefetch_related(
        Prefetch("logo", queryset=image_queryset())
    )


def _partners_prefetch(model):
    partner_model = model._meta.get_field("partners").related_model
    return Prefetch(
        "partners",
        queryset=partner_model.objects.select_related("organisation__locale").prefetch_related(
            Prefetch("organisation__logo", queryset=image_queryset())
        ),
    )


def prefetch_cycles(queryset):
    queryset = queryset.select_related(None).select_related("locale")
    return queryset.prefetch_related(
        Prefetch("image", queryset=image_queryset()),
        "themes",
        "audiences",
        _partners_prefetch(queryset.model),
    )


def prepare_speakers(speakers):
    """Fetch what :func:`speaker` reads for many speakers at once."""
    if speakers:
        prefetch_related_objects(
            list(speakers),
            "organisation",
            "locale",
            Prefetch("photo", queryset=image_queryset()),
        )


def event_list(events, request=None, expand_programme=False):
    """Summaries of a page of events (already fetched with :func:`prefetch_events`)."""
    events = localize(events)
    days_by_event = {}
    if expand_programme:
        days_by_event = programme.days_bulk(events)
        prepare_speakers(
            {s.pk: s for days in days_by_event.values() for s in programme.speakers(days)}.values()
        )
    return [
        event_summary(event, request=request, days=days_by_event.get(event.pk)) for event in events
    ]


def event_full(event, request=None):
    """:func:`event_detail` with its speakers prefetched."""
    days = programme.days(event)
    prepare_speakers(programme.speakers(days))
    return event_detail(event, request=request, days=days)


# Cycles


def cycle(obj, request=None, sessions=None):
    _ensure_localized(obj)
    data = {
        "id": obj.pk,
        "title": obj.title,
        "subtitle": obj.subtitle,
        "url": obj.get_full_url(request),
        "locale": obj.locale.language_code,
        "description": rich_text(obj.description),
        "image": image(obj.image),
        "themes": [term(item) for item in obj.localized_themes],
        "audiences": [term(item) for item in obj.localized_audiences],
        "partners": [partner(link) for link in obj.localized_partners],
        "funding_statement": obj.funding_statement,
        "documents": stream_items(obj.documents),
    }
    if sessions is not None:
        data["sessions"] = sessions
    return data


def cycle_list(cycles, request=None):
    """Representations of a page of cycles (fetched with :func:`prefetch_cycles`)."""
    return [cycle(obj, request) for obj in localize(cycles)]


def cycle_sessions(obj, request=None):
    """A cycle's visible sessions, as event summaries."""
    events = list(prefetch_events(queries.cycle_sessions(obj)))
    labels = dict(obj.sessions.values_list("event_id", "label"))
    result = []
    for data in event_list(events, request=request):
        data["session_label"] = labels.get(data["id"], "")
        result.append(data)
    return result
