"""Self-service links: a registrant's secret token, signed, the address it opens, its expiry."""

import base64
import datetime as dt

from django.core import signing
from django.utils import timezone

from wagtail_rencontres import conf

SIGNING_SALT = "wagtail_rencontres.registration"


def signed_token(registration):
    """The secret of a self-service link: the signed token, base64-encoded again.

    Wagtail's page URLs accept only ``[\\w-]`` in path segments, not the ``:``
    of signed values.
    """
    signed = signing.dumps(str(registration.token), salt=SIGNING_SALT, compress=False)
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def unsign_token(value):
    """The registration token inside a self-service link, or ``None`` when forged."""
    try:
        signed = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        return signing.loads(signed, salt=SIGNING_SALT)
    except (signing.BadSignature, ValueError):
        return None


def link_expires_at(page):
    """When the self-service links of ``page``'s registrations stop working, or ``None``.

    ``WAGTAILRENCONTRES_REGISTRATION_LINK_DAYS_AFTER_EVENT`` days after the
    event ends; for a cycle, after its last published session ends. ``None``
    when the setting is ``None`` or a cycle has no session yet.
    """
    days = conf.get_setting("REGISTRATION_LINK_DAYS_AFTER_EVENT")
    ends_at = page.registration_ends_at
    if days is None or ends_at is None:
        return None
    return ends_at + dt.timedelta(days=days)


def link_expired(page, now=None):
    """Whether the self-service links of ``page``'s registrations no longer work."""
    expires_at = link_expires_at(page)
    return expires_at is not None and (now or timezone.now()) >= expires_at


def self_service_url(registration, event=None):
    """The absolute address of the registrant's own page (``event``: the registration's page)."""
    event = event or registration.page.specific
    return event.get_full_url() + event.reverse_subpage(
        "registration_self_service", kwargs={"token": signed_token(registration)}
    ).lstrip("/")
