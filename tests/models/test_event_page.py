import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.factories import AudienceFactory, SpeakerFactory, paris
from tests.sites import site_text, url_prefix
from wagtail_rencontres import conf
from wagtail_rencontres.enums import AttendanceMode, EventStatus, RegistrationMode

pytestmark = pytest.mark.django_db


def programme_day(day, sessions=()):
    return {
        "type": "day",
        "value": {"date": day.isoformat(), "title": "", "sessions": list(sessions)},
    }


def errors_of(page):
    with pytest.raises(ValidationError) as info:
        page.full_clean()
    return info.value.message_dict


def test_event_is_created_below_the_agenda(agenda, make_event):
    event = make_event(title="Faire vivre les nouveaux contrats de ville en Grand Est")
    assert event.get_parent().specific == agenda
    assert conf.page_model("EventPage").objects.child_of(agenda).get().pk == event.pk
    assert event.url == f"{url_prefix()}agenda/{event.slug}/"


def test_event_can_only_be_created_in_an_agenda(site_root):
    assert conf.page_model("EventPage").can_create_at(site_root) is False


def test_end_before_start_is_refused_on_end(make_event):
    event = make_event()
    event.end = event.start - dt.timedelta(hours=1)
    assert errors_of(event) == {"end": [site_text("La fin doit être postérieure au début.")]}


def test_online_event_needs_a_link(make_event):
    event = make_event()
    event.attendance_mode = AttendanceMode.MIXED
    assert errors_of(event) == {
        "online_url": [
            site_text("Les événements en ligne et hybrides nécessitent un lien de connexion.")
        ]
    }
    event.online_url = "https://visio.example.org/salle"
    event.full_clean()


def test_rescheduled_event_needs_previous_start(make_event):
    event = make_event()
    event.status = EventStatus.RESCHEDULED
    assert list(errors_of(event)) == ["previous_start"]


def test_external_registration_needs_a_link(make_event):
    event = make_event()
    event.registration_mode = RegistrationMode.EXTERNAL
    assert list(errors_of(event)) == ["registration_url"]


def test_deadline_before_opening_is_refused(make_event):
    event = make_event()
    event.registration_opens_at = paris(dt.date(2024, 11, 1))
    event.registration_closes_at = paris(dt.date(2024, 10, 1))
    assert list(errors_of(event)) == ["registration_closes_at"]


def test_unknown_timezone_is_refused(make_event):
    event = make_event()
    event.timezone = "Europe/Dijon"
    assert list(errors_of(event)) == ["timezone"]


def test_programme_day_outside_event_dates_is_refused(make_event):
    event = make_event(day=dt.date(2024, 11, 14))
    event.programme = [programme_day(dt.date(2024, 11, 14)), programme_day(dt.date(2024, 11, 15))]
    with pytest.raises(ValidationError) as info:
        event.full_clean()
    error = info.value.error_dict["programme"][0]
    assert list(error.block_errors) == [1]
    assert error.block_errors[1].block_errors["date"].code == "day_outside_event"


def test_programme_of_a_multi_day_event_may_use_every_day(make_event):
    event = make_event(start=paris(dt.date(2025, 3, 29), 14), end=paris(dt.date(2025, 3, 31), 12))
    event.programme = [programme_day(dt.date(2025, 3, 29 + offset)) for offset in range(3)]
    event.full_clean()
    assert event.is_multi_day is True


def test_programme_day_is_checked_in_the_event_timezone(make_event):
    # 23:30 in Cayenne on 4 July is already 5 July in UTC and in Paris.
    from wagtail_rencontres.services.dates import make_local

    event = make_event(
        timezone="America/Cayenne",
        start=make_local(dt.date(2024, 7, 4), dt.time(20), "America/Cayenne"),
        end=make_local(dt.date(2024, 7, 4), dt.time(23, 30), "America/Cayenne"),
    )
    event.programme = [programme_day(dt.date(2024, 7, 4))]
    event.full_clean()
    event.programme = [programme_day(dt.date(2024, 7, 5))]
    assert list(errors_of(event)) == ["programme"]


def test_all_day_event_covers_whole_local_days(make_event):
    event = make_event(
        all_day=True, start=paris(dt.date(2024, 7, 4), 10), end=paris(dt.date(2024, 7, 5), 12)
    )
    event.refresh_from_db()
    assert event.local_start.isoformat() == "2024-07-04T00:00:00+02:00"
    assert event.local_end.isoformat() == "2024-07-05T23:59:59+02:00"


def test_event_across_dst_change_keeps_local_times(make_event):
    event = make_event(start=paris(dt.date(2025, 3, 29), 18), end=paris(dt.date(2025, 3, 30), 18))
    assert event.local_start.utcoffset() == dt.timedelta(hours=1)
    assert event.local_end.utcoffset() == dt.timedelta(hours=2)
    assert event.end.astimezone(dt.UTC) - event.start.astimezone(dt.UTC) == dt.timedelta(hours=23)


def test_restricted_session_keeps_only_public_outline(make_event):
    speaker = SpeakerFactory(first_name="Antoine", last_name="Béjean")
    audience = AudienceFactory(name="Chefs de projet intercommunaux")
    event = make_event(day=dt.date(2024, 11, 14))
    event.programme = [
        programme_day(
            dt.date(2024, 11, 14),
            [
                {
                    "type": "item",
                    "id": "5e55-0001",
                    "value": {
                        "start_time": "14:00",
                        "end_time": "16:30",
                        "title": "Assemblée restreinte",
                        "format": "workshop",
                        "description": "<p>Travail confidentiel</p>",
                        "speakers": [
                            {
                                "type": "item",
                                "id": "sp-1",
                                "value": {"speaker": speaker.pk, "role": ""},
                            }
                        ],
                        "room": "Salle B",
                        "remote": False,
                        "restricted_audiences": [
                            {"type": "item", "id": "au-1", "value": audience.pk}
                        ],
                        "capacity": None,
                    },
                }
            ],
        )
    ]
    event.save()
    public = event.programme_days()[0].sessions[0]
    assert (public.title, public.restricted, public.restricted_to) == (
        "Assemblée restreinte",
        True,
        ["Chefs de projet intercommunaux"],
    )
    assert (public.description, public.room, public.speakers) == (None, "", [])
    from wagtail_rencontres.services import programme

    private = programme.days(event, include_private=True)[0].sessions[0]
    assert private.room == "Salle B"
    assert [ref.speaker.last_name for ref in private.speakers] == ["Béjean"]


def test_copying_an_event_gives_it_a_new_uuid(make_event, agenda):
    event = make_event()
    copy = event.copy(to=agenda, update_attrs={"slug": "copie", "title": "Copie"})
    assert copy.uuid != event.uuid
