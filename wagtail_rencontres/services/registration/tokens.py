"""Self-service links: a registrant's secret token, signed, and the address it opens."""

import base64
import datetime as dt

from django.core import signing

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
    """The registration token inside a self-service link, or ``None`` when forged or expired."""
    max_age_days = conf.get_setting("REGISTRATION_LINK_MAX_AGE_DAYS")
    try:
        signed = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        return signing.loads(
            signed,
            salt=SIGNING_SALT,
            max_age=dt.timedelta(days=max_age_days) if max_age_days else None,
        )
    except (signing.BadSignature, ValueError):
        return None


def self_service_url(registration, event=None):
    """The absolute address of the registrant's own page (``event``: the registration's page)."""
    event = event or registration.page.specific
    return event.get_full_url() + event.reverse_subpage(
        "registration_self_service", kwargs={"token": signed_token(registration)}
    ).lstrip("/")
