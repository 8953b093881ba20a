"""A year of activity with known answers: two events held, one cancelled, one the year before.

2025-03-10, Dijon (Côte-d'Or, Bourgogne-Franche-Comté), theme Égalité, format Forum:
  3 confirmed (2 elected officials of a local authority present, 1 without category or
  type of organisation absent), 1 waiting, 1 cancelled.
2025-06-05, Strasbourg (Bas-Rhin, Grand Est), theme Égalité:
  2 confirmed State staff of a State service, 1 present.
A cycle of both: 1 confirmed elected official of a local authority, present at both.
2025-06-20, Strasbourg, cancelled: 1 confirmed, ignored. 2024-12-01, Dijon: 1 confirmed, ignored.
"""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import (
    AudienceFactory,
    CyclePageFactory,
    EventFormatFactory,
    EventPageFactory,
    ThemeFactory,
    VenueFactory,
    paris,
)
from wagtail_rencontres.enums import EventStatus, OrganisationKind, RegistrationStatus
from wagtail_rencontres.models import Attendance, CycleSession, Registration

YEAR = {"date_from": "2025-01-01", "date_to": "2025-12-31"}
TOWN, STATE = OrganisationKind.LOCAL_AUTHORITY, OrganisationKind.STATE_SERVICE


def registration(page, n, status=RegistrationStatus.CONFIRMED, **fields):
    fields.setdefault("organisation", "Ville de Dijon")
    return Registration.objects.create(
        page=page,
        status=status,
        first_name=f"Camille{n}",
        last_name=f"Martin{n}",
        email=f"p{page.pk}-{n}@example.org",
        form_data={},
        consent_version="v1",
        **fields,
    )


def present(reg, event):
    Attendance.objects.create(
        registration=reg, event=event, day=event.start.date(), checked_in_at=timezone.now()
    )


@pytest.fixture
def year(agenda):
    """The fixture of the module docstring; returns its pages and taxonomies by name."""
    dijon = VenueFactory()
    strasbourg = VenueFactory(
        name="Palais",
        city="Strasbourg",
        department="Bas-Rhin",
        department_code="67",
        region="Grand Est",
    )
    theme, forum = ThemeFactory(name="Égalité"), EventFormatFactory(name="Forum")
    elected, staff = AudienceFactory(name="Élus"), AudienceFactory(name="Agents de l'État")

    def event(day, venue, **fields):
        page = EventPageFactory(
            parent=agenda, start=paris(day, 9), end=paris(day, 17), venue=venue, **fields
        )
        return page

    march = event(dt.date(2025, 3, 10), dijon, format=forum)
    june = event(dt.date(2025, 6, 5), strasbourg)
    for page in (march, june):
        page.themes.set([theme])
        page.save_revision().publish()
    cancelled = event(dt.date(2025, 6, 20), strasbourg, status=EventStatus.CANCELLED)
    before = event(dt.date(2024, 12, 1), dijon)
    cycle = CyclePageFactory(parent=agenda)
    for position, page in enumerate((march, june)):
        CycleSession.objects.create(cycle=cycle, event=page, sort_order=position)

    for n in (1, 2):
        present(registration(march, n, audience=elected, organisation_kind=TOWN), march)
    registration(march, 3, organisation="=SUM(A1)")
    registration(march, 4, status=RegistrationStatus.WAITLISTED)
    registration(march, 5, status=RegistrationStatus.CANCELLED)
    prefecture = {"organisation": "Préfecture", "organisation_kind": STATE}
    present(registration(june, 1, audience=staff, **prefecture), june)
    registration(june, 2, audience=staff, **prefecture)
    both = registration(cycle, 1, audience=elected, organisation_kind=TOWN)
    present(both, march)
    present(both, june)
    present(registration(cancelled, 1), cancelled)
    present(registration(before, 1), before)
    return {"march": march, "june": june, "cycle": cycle, "theme": theme, "forum": forum}
