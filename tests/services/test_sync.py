import datetime as dt

from wagtail.models import PageViewRestriction

from tests.api.conftest import day, session
from tests.factories import AgendaPageFactory, SpeakerFactory
from wagtail_rencontres.models import EventSpeaker, EventTombstone


def test_speaker_index_follows_the_public_programme(make_event, programme_event):
    event, public_speaker, secret = programme_event()
    assert list(EventSpeaker.objects.filter(event=event).values_list("speaker_id", flat=True)) == [
        public_speaker.pk
    ]
    newcomer = SpeakerFactory()
    event.programme = [
        day(dt.date(2024, 11, 28), [session("Nouveau", "10:00", "11:00", [newcomer])])
    ]
    event.save_revision().publish()
    assert list(EventSpeaker.objects.filter(event=event).values_list("speaker_id", flat=True)) == [
        newcomer.pk
    ]


def test_saving_a_draft_does_not_touch_the_index(programme_event):
    event, public_speaker, _secret = programme_event()
    event.programme = []
    event.save_revision()
    assert list(EventSpeaker.objects.filter(event=event).values_list("speaker_id", flat=True)) == [
        public_speaker.pk
    ]


def tombstoned_ids():
    return list(EventTombstone.objects.values_list("page_id", flat=True))


def test_publishing_an_event_of_a_private_section_keeps_its_tombstone(site_root, make_event):
    section = AgendaPageFactory(parent=site_root, title="Réseau", slug="reseau")
    event = make_event(parent=section)
    event.save_revision().publish()
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    assert tombstoned_ids() == [event.pk]

    event.save_revision().publish()

    assert tombstoned_ids() == [event.pk]


def test_publishing_a_public_event_again_clears_its_tombstone(make_event):
    event = make_event()
    event.save_revision().publish()
    event.unpublish()
    assert tombstoned_ids() == [event.pk]

    event.save_revision().publish()

    assert tombstoned_ids() == []
