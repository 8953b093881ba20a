"""Public models of wagtail-rencontres."""

from wagtail_rencontres.models.mixins import (
    AgendaPageMixin,
    CyclePageMixin,
    EventPageMixin,
    RegistrationPageMixin,
)
from wagtail_rencontres.models.organisations import Organisation
from wagtail_rencontres.models.pages import AgendaPage, CyclePage, EventPage
from wagtail_rencontres.models.registration import (
    AbstractRegistrationQuestion,
    Registration,
    RegistrationMail,
    consent_version,
)
from wagtail_rencontres.models.relations import AbstractPartner
from wagtail_rencontres.models.speakers import Speaker
from wagtail_rencontres.models.sync import EventTombstone
from wagtail_rencontres.models.taxonomy import Audience, EventFormat, Theme
from wagtail_rencontres.models.venues import Venue

# Relations to the page models the site uses, in their own app (last: they use the above).
from wagtail_rencontres.relations.models import (  # noqa: E402, I001
    CyclePartner,
    CycleRegistrationFormField,
    CycleSession,
    EventPartner,
    EventSpeaker,
    RegistrationFormField,
)

__all__ = [
    "AbstractPartner",
    "AbstractRegistrationQuestion",
    "AgendaPage",
    "AgendaPageMixin",
    "Audience",
    "CyclePage",
    "CyclePageMixin",
    "CyclePartner",
    "CycleRegistrationFormField",
    "CycleSession",
    "EventFormat",
    "EventPage",
    "EventPageMixin",
    "EventPartner",
    "EventSpeaker",
    "EventTombstone",
    "Organisation",
    "Registration",
    "RegistrationFormField",
    "RegistrationMail",
    "RegistrationPageMixin",
    "Speaker",
    "Theme",
    "Venue",
    "consent_version",
]
