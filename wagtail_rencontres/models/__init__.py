"""Public models of wagtail-rencontres.

The data models live in this package. The page types, which are models and
views at once, live in :mod:`wagtail_rencontres.pages`; they are imported and
re-exported here, so that ``from wagtail_rencontres.models import EventPageMixin``
keeps working and Django registers the shipped pages with the app.
"""

from wagtail_rencontres.models.attendance import Attendance
from wagtail_rencontres.models.freshness import ChangeStamp
from wagtail_rencontres.models.notifications import ChangeNotification, WebhookDelivery
from wagtail_rencontres.models.organisations import Organisation
from wagtail_rencontres.models.registration import (
    AbstractRegistrationQuestion,
    Registration,
    RegistrationMail,
    consent_version,
)
from wagtail_rencontres.models.relations import AbstractPartner
from wagtail_rencontres.models.search import PendingIndexUpdate
from wagtail_rencontres.models.speakers import Speaker
from wagtail_rencontres.models.survey import (
    AbstractSurveyQuestion,
    SurveyInvitation,
    SurveyResponse,
)
from wagtail_rencontres.models.sync import EventTombstone
from wagtail_rencontres.models.taxonomy import Audience, EventFormat, Theme
from wagtail_rencontres.models.venues import Venue

# Relations to the page models the site uses, in their own app (after the bases they use).
from wagtail_rencontres.relations.models import (
    CyclePartner,
    CycleRegistrationFormField,
    CycleSession,
    EventPartner,
    EventSpeaker,
    RegistrationFormField,
    SurveyQuestion,
)

# isort: split
# Page types last. Django registers an app's models by importing its models module, so
# the shipped pages are imported from here; their modules import the services, which
# import the models above: by now every one of them exists.
from wagtail_rencontres.pages.agenda import AgendaPageMixin
from wagtail_rencontres.pages.cycle import CyclePageMixin
from wagtail_rencontres.pages.event import EventPageMixin
from wagtail_rencontres.pages.registration import RegistrationPageMixin
from wagtail_rencontres.pages.shipped import AgendaPage, CyclePage, EventPage

__all__ = [
    "AbstractPartner",
    "AbstractRegistrationQuestion",
    "AbstractSurveyQuestion",
    "AgendaPage",
    "AgendaPageMixin",
    "Attendance",
    "Audience",
    "ChangeNotification",
    "ChangeStamp",
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
    "PendingIndexUpdate",
    "Registration",
    "RegistrationFormField",
    "RegistrationMail",
    "RegistrationPageMixin",
    "Speaker",
    "SurveyInvitation",
    "SurveyQuestion",
    "SurveyResponse",
    "Theme",
    "Venue",
    "WebhookDelivery",
    "consent_version",
]
