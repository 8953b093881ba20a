import datetime as dt

import pytest
from wagtail.models import Locale

from tests.attendance.conftest import FUTURE_DAY
from tests.factories import paris
from tests.sites import other_language
from wagtail_rencontres.enums import RegistrationStatus
from wagtail_rencontres.models import Attendance, Registration
from wagtail_rencontres.services import registration as service
from wagtail_rencontres.services.attendance import checkin, codes
from wagtail_rencontres.services.registration.retention import anonymise_expired

pytestmark = pytest.mark.django_db


def test_second_tap_keeps_the_first_record_and_its_time(open_event, register):
    event = open_event()
    someone = register(event, 1)
    first, created = checkin.check_in(someone, event, FUTURE_DAY, now=paris(FUTURE_DAY, 9))
    again, created_again = checkin.check_in(someone, event, FUTURE_DAY, now=paris(FUTURE_DAY, 10))
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert again.checked_in_at == paris(FUTURE_DAY, 9)
    assert Attendance.objects.count() == 1


def test_check_out_undoes_the_presence(open_event, register):
    event = open_event()
    someone = register(event, 1)
    checkin.check_in(someone, event, FUTURE_DAY)
    assert checkin.check_out(someone, event, FUTURE_DAY) is True
    assert checkin.check_out(someone, event, FUTURE_DAY) is False
    assert Attendance.objects.count() == 0


def test_each_day_of_a_multi_day_event_has_its_own_presence(open_event, register):
    event = open_event(end=paris(FUTURE_DAY + dt.timedelta(days=2), 17))
    someone = register(event, 1)
    days = checkin.event_days(event)
    assert days == [FUTURE_DAY + dt.timedelta(days=n) for n in range(3)]
    checkin.check_in(someone, event, days[0])
    checkin.check_in(someone, event, days[2])
    rows = checkin.checkin_list(event, days[1])
    assert [row.checked_in_at for row in rows] == [None]
    assert Attendance.objects.filter(registration=someone).count() == 2


def test_list_holds_seat_holders_and_cycle_registrants_searched_in_the_database(
    open_event, open_cycle, register
):
    session = open_event(registration_capacity=2, registration_waitlist=True)
    cycle = open_cycle([session])
    register(session, 1, last_name="Zola")
    register(cycle, 3, last_name="Arnaud")
    waiting = register(session, 2)
    assert waiting.status == RegistrationStatus.WAITLISTED
    names = [row.last_name for row in checkin.checkin_list(session, FUTURE_DAY)]
    assert names == ["Arnaud", "Zola"]
    assert [r.last_name for r in checkin.checkin_list(session, FUTURE_DAY, "zol")] == ["Zola"]


def test_code_finds_only_a_registrant_of_this_event(open_event, register):
    event, other = open_event(), open_event()
    someone = register(event, 1)
    code = codes.checkin_code(someone)
    assert checkin.registration_on_list(event, code=code) == someone
    with pytest.raises(checkin.NotOnTheList):
        checkin.registration_on_list(other, code=code)
    with pytest.raises(checkin.NotOnTheList):
        checkin.registration_on_list(event, code=code[:-1] + "x")
    # The self-service link's token does not check anyone in.
    with pytest.raises(checkin.NotOnTheList):
        checkin.registration_on_list(event, code=service.signed_token(someone))


def test_cancelled_registrant_is_not_on_the_list(open_event, register):
    event = open_event()
    someone = register(event, 1)
    service.cancel(someone)
    with pytest.raises(checkin.NotOnTheList):
        checkin.registration_on_list(event, registration_id=someone.pk)


def test_walk_in_takes_a_place_and_is_present(open_event, register, mailoutbox):
    event = open_event(registration_capacity=2)
    register(event, 1)
    walker = checkin.walk_in(
        event, FUTURE_DAY, {"first_name": "Léa", "last_name": "Roux", "email": "LEA@example.org"}
    )
    assert (walker.status, walker.email) == (RegistrationStatus.CONFIRMED, "lea@example.org")
    assert Attendance.objects.get().registration == walker
    with pytest.raises(service.NoPlaceLeft):
        checkin.walk_in(event, FUTURE_DAY, {"first_name": "Trop", "last_name": "Tard"})
    assert Registration.objects.filter(page_id=event.pk).count() == 2


def test_walk_in_refuses_an_address_already_registered(open_event, register):
    event = open_event()
    register(event, 1)
    with pytest.raises(service.DuplicateRegistration):
        checkin.walk_in(event, FUTURE_DAY, {"last_name": "X", "email": "camille1@example.org"})


def test_anonymisation_keeps_attendance_for_the_counts(open_event, register):
    event = open_event()
    someone = register(event, 1)
    code = codes.checkin_code(someone)
    checkin.check_in(someone, event, FUTURE_DAY)
    anonymise_expired(now=event.end + dt.timedelta(days=400))
    someone.refresh_from_db()
    assert (someone.last_name, someone.anonymised_at is not None) == ("", True)
    assert Attendance.objects.filter(registration=someone, event_id=event.pk).count() == 1
    with pytest.raises(checkin.NotOnTheList):
        # The QR code of the mail opens nothing any more.
        checkin.registration_on_list(event, code=code)


def test_walk_in_is_taken_after_the_registration_deadline(open_event):
    event = open_event(registration_closes_at=paris(FUTURE_DAY - dt.timedelta(days=60), 9))
    walker = checkin.walk_in(event, FUTURE_DAY, {"first_name": "Léa", "last_name": "Roux"})
    assert walker.status == RegistrationStatus.CONFIRMED


def test_check_in_opens_on_today_during_the_event_else_on_its_first_day(open_event):
    event = open_event(end=paris(FUTURE_DAY + dt.timedelta(days=2), 17))
    second = FUTURE_DAY + dt.timedelta(days=1)
    assert checkin.default_day(event, today=second) == second
    assert checkin.default_day(event, today=FUTURE_DAY - dt.timedelta(days=5)) == FUTURE_DAY


def test_translations_of_an_event_share_its_attendance(open_event, register):
    event = open_event()
    locale, _created = Locale.objects.get_or_create(language_code=other_language())
    translation = event.copy_for_translation(locale, copy_parents=True)
    translation.save_revision().publish()
    translation = type(event).objects.get(pk=translation.pk)
    someone = register(event, 1)
    checkin.check_in(someone, translation, FUTURE_DAY)
    _attendance, created = checkin.check_in(someone, event, FUTURE_DAY)
    assert created is False
    assert Attendance.objects.get().event_id == event.pk
    assert [
        row.checked_in_at is not None for row in checkin.checkin_list(translation, FUTURE_DAY)
    ] == [True]
