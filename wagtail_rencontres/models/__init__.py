"""Public models of wagtail-rencontres."""

from wagtail_rencontres.models.mixins import (
    AgendaPageMixin,
    CyclePageMixin,
    EventPageMixin,
    RegistrationPageMixin,
)
from wagtail_rencontres.models.pages import AgendaPage, CyclePage, EventPage
from wagtail_rencontres.models.registration import (
    CycleRegistrationFormField,
    Registration,
    RegistrationFormField,
    RegistrationMail,
    consent_version,
)
from wagtail_rencontres.models.relations import (
    AbstractPartner,
    CyclePartner,
    CycleSession,
    EventPartner,
)
from wagtail_rencontres.models.snippets import (
    Audience,
    EventFormat,
    Organisation,
    Speaker,
    Theme,
    Venue,
)
from wagtail_rencontres.models.sync import EventSpeaker, EventTombstone

__all__ = [
    "AbstractPartner",
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
