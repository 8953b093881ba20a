import datetime as dt

from tests.api.conftest import day, session
from tests.factories import SpeakerFactory
from wagtail_rencontres.models import EventSpeaker


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
