"""Registration domain, one module per concern.

- :mod:`.status`: whether a page accepts registrations now, the public
  summary, the outcome messages and the errors;
- :mod:`.forms`: the registration form of a page;
- :mod:`.workflow`: registering, cancelling, promoting, approving, refusing,
  updating, each under the page's lock;
- :mod:`.throttling`: submissions per client address;
- :mod:`.tokens`: self-service links;
- :mod:`.retention`: erasure and anonymisation of personal data;
- :mod:`.outbox` and :mod:`.mails`: mails recorded with each change, sent by a
  django-tasks task once it commits.

Callers use the package: ``from wagtail_rencontres.services import registration``,
then ``registration.register(...)``; it re-exports what views, the API, the
admin and commands call. The rest stays in its module.
"""

from wagtail_rencontres.services.registration.forms import form_class, locale_audiences
from wagtail_rencontres.services.registration.outbox import retry
from wagtail_rencontres.services.registration.retention import anonymise_expired, erase
from wagtail_rencontres.services.registration.status import (
    STATUS_MESSAGES,
    DuplicateRegistration,
    NoPlaceLeft,
    RegistrationClosed,
    RegistrationError,
    WorkshopFull,
    closed_reason,
    consent_text,
    state,
)
from wagtail_rencontres.services.registration.throttling import client_ip, rate_limited
from wagtail_rencontres.services.registration.tokens import (
    link_expired,
    link_expires_at,
    self_service_url,
    signed_token,
    unsign_token,
)
from wagtail_rencontres.services.registration.workflow import (
    approve,
    cancel,
    promote,
    refuse,
    register,
    update,
)

__all__ = [
    "STATUS_MESSAGES",
    "DuplicateRegistration",
    "NoPlaceLeft",
    "RegistrationClosed",
    "RegistrationError",
    "WorkshopFull",
    "anonymise_expired",
    "approve",
    "cancel",
    "client_ip",
    "closed_reason",
    "consent_text",
    "erase",
    "form_class",
    "locale_audiences",
    "link_expired",
    "link_expires_at",
    "promote",
    "rate_limited",
    "refuse",
    "register",
    "retry",
    "self_service_url",
    "signed_token",
    "state",
    "unsign_token",
    "update",
]
