"""Headless preview: a signed, short-lived token naming one revision of one page.

The admin's "Front end" preview mode (:mod:`wagtail_rencontres.pages.preview`)
opens the front end's URL (``WAGTAILRENCONTRES_HEADLESS_PREVIEW_URL``) with a
token made here; the front end asks the typed API for the draft with it
(``GET /events/preview?token=…``). The token is signed with ``SECRET_KEY``
(:mod:`django.core.signing`), names the page and the revision, and expires
``WAGTAILRENCONTRES_HEADLESS_PREVIEW_MAX_AGE`` seconds after it was made: it
never shows another revision or another page, and nothing once expired.
"""

from urllib.parse import quote

from django.core import signing
from wagtail.models import Revision

from wagtail_rencontres import conf
from wagtail_rencontres.services import queries

SIGNING_SALT = "wagtail_rencontres.preview"


def make_token(page_id, revision_id):
    """The token that shows revision ``revision_id`` of page ``page_id``, until it expires."""
    return signing.dumps({"page": page_id, "revision": revision_id}, salt=SIGNING_SALT)


def read_token(token):
    """``(page_id, revision_id)`` of a valid token; ``None`` when forged, altered or expired."""
    try:
        value = signing.loads(
            token, salt=SIGNING_SALT, max_age=conf.get_setting("HEADLESS_PREVIEW_MAX_AGE")
        )
    except (signing.BadSignature, ValueError):  # SignatureExpired is a BadSignature
        return None
    if not isinstance(value, dict):
        return None
    page_id, revision_id = value.get("page"), value.get("revision")
    if not isinstance(page_id, int) or not isinstance(revision_id, int):
        return None
    return page_id, revision_id


def draft_event(token):
    """The event page as its token's revision holds it, or ``None``.

    The revision must belong to the page the token names, the page must still
    exist, and the revision must be of an event page.
    """
    ids = read_token(token)
    if ids is None:
        return None
    page_id, revision_id = ids
    revision = (
        Revision.page_revisions.filter(pk=revision_id, object_id=str(page_id))
        .select_related("content_type")
        .first()
    )
    if revision is None or not queries.event_model().objects.filter(pk=page_id).exists():
        return None
    page = revision.as_object()
    if not isinstance(page, queries.event_model()) or page.pk != page_id:
        return None
    return page


def front_end_url(page, token):
    """The front end's preview address for ``page``, or ``None`` when none is configured.

    The setting's placeholders: ``{token}``, ``{page_id}``, ``{revision_id}``,
    ``{locale}`` and ``{type}`` (``event``), each URL-encoded.
    """
    template = conf.get_setting("HEADLESS_PREVIEW_URL")
    if not template:
        return None
    values = {
        "token": token,
        "page_id": page.pk,
        "revision_id": page.latest_revision_id,
        "locale": page.locale.language_code,
        "type": "event",
    }
    return template.format_map({key: quote(str(value), safe="") for key, value in values.items()})
