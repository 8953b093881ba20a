"""Signal receivers of the package, connected once by :meth:`.apps.WagtailRencontresConfig.ready`.

Receivers stay thin: the work is done by :mod:`wagtail_rencontres.services.sync`
(the speaker index and tombstones of event pages) and Wagtail's search index.

Wagtail queues a page's reindexing on ``post_save``, which fires before
modelcluster commits the page's many-to-many relations (themes, audiences):
with an immediate task backend the index would hold the previous themes until
the next save. Reindexing on ``page_published``, sent once everything is saved,
closes that gap.

Events also index text of the snippets they point to (speakers' names, roles
and organisations, the venue, partner organisations): saving one of those
snippets reindexes the live events that show it.

Both only queue a task (:mod:`wagtail_rencontres.services.search.indexing`):
a search server that is down or frozen never slows a request; the task worker
retries later.

``docs/reference/signals-and-hooks.md`` lists every receiver; a test compares.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from wagtail_rencontres.models import Organisation, Speaker, Venue
from wagtail_rencontres.services import queries, sync
from wagtail_rencontres.services.search import indexing

# Event pages


def on_page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields is not None and "programme" not in update_fields):
        return
    sync.sync_event_speakers(instance)


def on_page_published(sender, instance, **kwargs):
    sync.clear_tombstones(instance)


def on_page_unpublished(sender, instance, **kwargs):
    sync.record_tombstone(instance)


def on_page_deleted(sender, instance, **kwargs):
    if instance.live:
        sync.record_tombstone(instance)


def on_view_restriction_saved(sender, instance, created=False, raw=False, **kwargs):
    """Events under a new view restriction leave the public API: tombstone them."""
    if raw or not created:
        return
    sync.tombstone_events_below(instance.page)


def on_view_restriction_deleted(sender, instance, **kwargs):
    """Events made public again count as published at that moment."""
    if instance.page_id:
        sync.republish_events_below(instance.page)


# Search index


def reindex_published_page(sender, instance, **kwargs):
    if isinstance(instance, queries.event_model() | queries.cycle_model()):
        indexing.enqueue_reindex(type(instance), [instance.pk])


def reindex_events_showing(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the events are reindexed by update_index
        return
    indexing.reindex_events_showing(instance)


def connect():
    """Connect every receiver; ``dispatch_uid`` keeps a second call harmless."""
    event_page = queries.event_model()
    post_save.connect(on_page_saved, sender=event_page, dispatch_uid="rencontres_speakers")
    post_delete.connect(
        on_page_deleted, sender=event_page, dispatch_uid="rencontres_tombstone_delete"
    )
    page_published.connect(
        on_page_published, sender=event_page, dispatch_uid="rencontres_published"
    )
    page_unpublished.connect(
        on_page_unpublished, sender=event_page, dispatch_uid="rencontres_unpublished"
    )
    post_save.connect(
        on_view_restriction_saved,
        sender=PageViewRestriction,
        dispatch_uid="rencontres_tombstone_restriction",
    )
    post_delete.connect(
        on_view_restriction_deleted,
        sender=PageViewRestriction,
        dispatch_uid="rencontres_restriction_removed",
    )
    page_published.connect(reindex_published_page, dispatch_uid="rencontres_reindex_published")
    for model in (Speaker, Venue, Organisation):
        post_save.connect(
            reindex_events_showing,
            sender=model,
            dispatch_uid=f"rencontres_reindex_events_of_{model._meta.model_name}",
        )
