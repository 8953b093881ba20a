"""Derived records kept in step with event pages: the speaker index, tombstones, the ICS sequence.

:mod:`wagtail_rencontres.receivers` calls these when pages are saved,
published, unpublished, deleted or placed under a view restriction.
"""

from django.db import transaction
from django.utils import timezone

from wagtail_rencontres.models.sync import EventTombstone
from wagtail_rencontres.relations.models import EventSpeaker
from wagtail_rencontres.services import programme, queries


def public_speaker_ids(event):
    """Ids of the speakers of the event's public sessions, from the raw programme."""
    ids = []
    for day in programme.days(event):
        for session in day.sessions:
            for ref in session.speakers:
                if ref.speaker.pk not in ids:
                    ids.append(ref.speaker.pk)
    return ids


def sync_event_speakers(event):
    """Make the speaker index match the event's public programme."""
    wanted = set(public_speaker_ids(event))
    with transaction.atomic():
        current = set(EventSpeaker.objects.filter(event=event).values_list("speaker_id", flat=True))
        EventSpeaker.objects.filter(event=event, speaker_id__in=current - wanted).delete()
        EventSpeaker.objects.bulk_create(
            [EventSpeaker(event_id=event.pk, speaker_id=pk) for pk in wanted - current],
            ignore_conflicts=True,
        )


def record_tombstone(event, when=None):
    """Note that ``event`` left the public API (unpublished, deleted)."""
    # One tombstone per page: deleting a live page also sends page_unpublished.
    EventTombstone.objects.update_or_create(
        page_id=event.pk,
        defaults={
            "uuid": event.uuid,
            "locale": event.locale.language_code if event.locale_id else "",
            "removed_at": when or timezone.now(),
        },
    )


def clear_tombstones(event):
    """An event back in the public API needs no tombstone; a private one keeps it.

    Publishing an event under a view restriction (its own or an ancestor's)
    does not bring it back: a syncing client must still remove its copy.
    """
    if queries.is_visible(event):
        EventTombstone.objects.filter(page_id=event.pk).delete()


def tombstone_events_below(page):
    """Live events at or below ``page``, now under a view restriction, leave the public API."""
    now = timezone.now()
    for event in queries.event_model().objects.live().descendant_of(page, inclusive=True):
        record_tombstone(event, when=now)


def republish_events_below(page):
    """Events at or below ``page`` that are public again come back to the API as if published now.

    A client syncing with ``updated_since`` removed them on their tombstone; it
    only fetches them again if their ``last_published_at`` is newer than its
    last sync, so the moment they became public counts as their publication.
    """
    event_model = queries.event_model()
    public_again = event_model.objects.live().public().descendant_of(page, inclusive=True)
    ids = list(public_again.values_list("pk", flat=True))
    if ids:
        event_model.objects.filter(pk__in=ids).update(last_published_at=timezone.now())
        EventTombstone.objects.filter(page_id__in=ids).delete()


def next_sequence(event):
    """The ICS ``SEQUENCE`` to save ``event`` with.

    Never below the stored value, and one more when a field of
    ``event.sequence_fields`` changed: calendar clients then update their copy.
    A page published from an older revision carries that revision's sequence,
    hence the comparison with the stored row.
    """
    stored = (
        type(event).objects.filter(pk=event.pk).values("sequence", *event.sequence_fields).first()
    )
    if stored is None:
        return event.sequence
    sequence = max(event.sequence or 0, stored["sequence"])
    if any(stored[name] != getattr(event, name) for name in event.sequence_fields):
        sequence += 1
    return sequence
