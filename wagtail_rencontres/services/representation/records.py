"""Chosen records: terms, organisations, venues, speakers and partner links.

A record is shown as it is; which translation of it a page shows is decided
before, when the page is localised (:mod:`.localization`).
"""

from django.db.models import prefetch_related_objects

from wagtail_rencontres.enums import PartnerRole
from wagtail_rencontres.services.representation.values import (
    image,
    renditions_prefetch,
    rich_text,
)


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
    """A venue, with ``address_lines`` as a postal address writes them."""
    if obj is None:
        return None
    return {
        "id": obj.pk,
        "name": obj.name,
        "street_address": obj.street_address,
        "postcode": obj.postcode,
        "city": obj.city,
        "address_lines": obj.address_lines,
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


def speaker_core(obj):
    """What names a speaker: search hits and JSON-LD performers read this part."""
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
        "locale": obj.locale.language_code,
    }


def speaker(obj):
    """A speaker: :func:`speaker_core` with biography, photo and links."""
    return speaker_core(obj) | {
        "bio": rich_text(obj.bio),
        "photo": image(obj.photo),
        "links": [{"label": link.value["label"], "url": link.value["url"]} for link in obj.links],
    }


def partner(link):
    """A partner link; its organisation in the page's locale once localised."""
    return {
        "role": link.role,
        "role_label": str(PartnerRole(link.role).label),
        "details": link.details,
        "organisation": organisation(getattr(link, "organisation_display", link.organisation)),
    }


def prefetch_organisations(queryset):
    return queryset.select_related("locale", "logo").prefetch_related(renditions_prefetch("logo"))


def prepare_speakers(speakers, photos=True):
    """Fetch what :func:`speaker` (or, without ``photos``, :func:`speaker_core`) reads."""
    speakers = list(speakers)
    if not speakers:
        return
    lookups = ["organisation", "locale"]
    if photos:
        # Photos selected with the speakers (the programme's choosers do) cost
        # one query for their renditions; others, one more for the images.
        lookups.append(renditions_prefetch("photo"))
    prefetch_related_objects(speakers, *lookups)
