"""Derived records for API consumers: the speaker index and tombstones.

Wired to page signals in :meth:`wagtail_rencontres.apps.WagtailRencontresConfig.ready`.
"""

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from wagtail_rencontres import conf


def _models():
    return (
        conf.page_model("EventPage"),
        apps.get_model("wagtail_rencontres_relations", "EventSpeaker"),
        apps.get_model("wagtail_rencontres", "EventTombstone"),
    )


def public_speaker_ids(event):
    """Ids of the speakers of the event's public sessions, from the raw programme."""
    from wagtail_rencontres.services import programme

    ids = []
    for day in programme.days(event):
        for session in day.sessions:
            for ref in session.speakers:
                if ref.speaker.pk not in ids:
                    ids.append(ref.speaker.pk)
    return ids


def sync_event_speakers(event):
    """Make the speaker index match the event's public programme."""
    event_model, link_model, _tombstone = _models()
    if not isinstance(event, event_model):
        return
    wanted = set(public_speaker_ids(event))
    with transaction.atomic():
        current = set(link_model.objects.filter(event=event).values_list("speaker_id", flat=True))
        link_model.objects.filter(event=event, speaker_id__in=current - wanted).delete()
        link_model.objects.bulk_create(
            [link_model(event_id=event.pk, speaker_id=pk) for pk in wanted - current],
            ignore_conflicts=True,
        )


def record_tombstone(event, when=None):
    """Note that ``event`` left the public API (unpublished, deleted)."""
    _event, _link, tombstone_model = _models()
    # One tombstone per page: deleting a live page also sends page_unpublished.
    tombstone_model.objects.update_or_create(
        page_id=event.pk,
        defaults={
            "uuid": event.uuid,
            "locale": event.locale.language_code if event.locale_id else "",
            "removed_at": when or timezone.now(),
        },
    )


def clear_tombstones(event):
    """An event back in the API needs no tombstone."""
    _event, _link, tombstone_model = _models()
    tombstone_model.objects.filter(page_id=event.pk).delete()


# Signal receivers


def on_page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields is not None and "programme" not in update_fields):
        return
    sync_event_speakers(instance)


def on_page_published(sender, instance, **kwargs):
    event_model, _link, _tombstone = _models()
    if isinstance(instance, event_model):
        clear_tombstones(instance)


def on_page_unpublished(sender, instance, **kwargs):
    event_model, _link, _tombstone = _models()
    if isinstance(instance, event_model):
        record_tombstone(instance)


def on_page_deleted(sender, instance, **kwargs):
    if instance.live:
        record_tombstone(instance)


def on_view_restriction_saved(sender, instance, created=False, raw=False, **kwargs):
    """Events under a new view restriction leave the public API: tombstone them."""
    if raw or not created:
        return
    event_model, _link, _tombstone = _models()
    now = timezone.now()
    for event in event_model.objects.live().descendant_of(instance.page, inclusive=True):
        record_tombstone(event, when=now)


def on_view_restriction_deleted(sender, instance, **kwargs):
    """Events made public again come back to the API as if published now.

    A client syncing with ``updated_since`` removed them on their tombstone; it
    only fetches them again if their ``last_published_at`` is newer than its
    last sync, so the moment they became public counts as their publication.
    """
    event_model, _link, tombstone_model = _models()
    if not instance.page_id:
        return
    public_again = event_model.objects.live().public().descendant_of(instance.page, inclusive=True)
    ids = list(public_again.values_list("pk", flat=True))
    if ids:
        event_model.objects.filter(pk__in=ids).update(last_published_at=timezone.now())
        tombstone_model.objects.filter(page_id__in=ids).delete()
