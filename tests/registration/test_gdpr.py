import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from tests.registration.conftest import person
from wagtail_rencontres.enums import RegistrationMode
from wagtail_rencontres.models import Registration
from wagtail_rencontres.services import registration as service

pytestmark = pytest.mark.django_db


def past_event(make_event, days_ago):
    day = (timezone.now() - dt.timedelta(days=days_ago)).date()
    return make_event(day, 9, 17, registration_mode=RegistrationMode.INTERNAL)


def add(event, n, status="confirmed"):
    return Registration.objects.create(
        page=event,
        status=status,
        consent_version="x",
        form_data={"regime": "vegan"},
        **{k: v for k, v in person(n).items() if k != "consent"},
    )


def test_retention_purge_anonymises_old_events_only(make_event, settings, capsys):
    settings.WAGTAILRENCONTRES_REGISTRATION_RETENTION_DAYS = 30
    old = past_event(make_event, 40)
    recent = past_event(make_event, 10)
    add(old, 1)
    add(old, 2, status="cancelled")
    add(recent, 3)
    call_command("rencontres_anonymise_registrations")
    assert capsys.readouterr().out.strip() == (
        "Anonymised 2 registration(s) of 1 event(s) ended more than 30 day(s) ago."
    )
    old_rows = list(
        Registration.objects.filter(page_id=old.pk)
        .order_by("pk")
        .values_list("status", "first_name", "last_name", "email", "organisation", "form_data")
    )
    assert old_rows == [("confirmed", "", "", "", "", {}), ("cancelled", "", "", "", "", {})]
    assert Registration.objects.get(page_id=recent.pk).email == "camille3@example.org"
    entry = PageLogEntry.objects.get(action="wagtail_rencontres.registrations_anonymised")
    assert (entry.page_id, entry.data) == (old.pk, {"count": 2})
    # A second run finds nothing more to do.
    call_command("rencontres_anonymise_registrations")
    assert capsys.readouterr().out.strip().startswith("Anonymised 0 registration(s)")


def test_retention_days_option(make_event, capsys):
    event = past_event(make_event, 3)
    add(event, 1)
    call_command("rencontres_anonymise_registrations", days=5)
    assert Registration.objects.get().email == "camille1@example.org"
    call_command("rencontres_anonymise_registrations", days=2)
    assert Registration.objects.get().email == ""


def test_erase_cancels_promotes_and_anonymises(open_event, register):
    event = open_event(registration_capacity=1)
    first = register(event, 1, organisation_kind="association")
    waiting = register(event, 2)
    old_token = first.token
    service.erase(first)
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert (first.status, first.email, first.first_name, first.form_data) == (
        "cancelled",
        "",
        "",
        {},
    )
    assert first.token != old_token
    # The type of organisation is no personal data: the activity report counts it.
    assert first.organisation_kind == "association"
    assert first.anonymised_at is not None
    assert waiting.status == "confirmed"
