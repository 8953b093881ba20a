"""Signal receivers of the package, connected once by :meth:`.apps.WagtailRencontresConfig.ready`.

Receivers stay thin: the work is done by :mod:`wagtail_rencontres.services.sync`
(the speaker index and tombstones of event pages) and Wagtail's search index.

A page's reindexing is queued on ``post_save``, which fires before
modelcluster commits the page's many-to-many relations (themes, audiences):
with an immediate task backend the index would hold the previous themes until
the next save. Reindexing on ``page_published``, sent once everything is saved,
closes that gap.

Events, cycles and speakers also index text of the snippets they point to
(speakers' names, roles and organisations, the venue, partners, themes,
audiences, the format): saving or deleting one of those snippets reindexes
what shows it; for a deletion, what showed it is noted before the deletion
cascades.

Event and cycle pages are indexed by these receivers rather than by
Wagtail's per-save task (their ``search_auto_update`` is off): a publication,
which saves the page and each of its partner links, is then indexed once, as
its reference index is updated once and the stamp moved once
(:mod:`wagtail_rencontres.services.publication`).

Both only queue a task (:mod:`wagtail_rencontres.services.search.indexing`):
a search server that is down or frozen never slows a request; the task worker
retries later.

Any change to what the API and feeds show moves the change stamp
(:mod:`wagtail_rencontres.services.freshness`) when its transaction commits,
so that their ``Last-Modified`` and feed ``ETag`` change too.

``docs/reference/signals-and-hooks.md`` lists every receiver; a test compares.
"""

from django.apps import apps
from django.db.models.signals import (
    post_delete,
    post_migrate,
    post_save,
    pre_delete,
    pre_migrate,
)
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from wagtail_rencontres.models import (
    Audience,
    ChangeStamp,
    EventFormat,
    Organisation,
    Registration,
    RegistrationMail,
    Speaker,
    Theme,
    Venue,
)
from wagtail_rencontres.services import changes, freshness, publication, queries, sync
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
        publication.reindex(type(instance), instance.pk)


def reindex_saved_page(sender, instance, update_fields=None, raw=False, **kwargs):
    """Event and cycle pages are indexed by the package, not by Wagtail's per-save task."""
    if raw or not publication.changes_content(update_fields):
        return
    publication.reindex(type(instance), instance.pk)


def unindex_deleted_page(sender, instance, **kwargs):
    indexing.enqueue_unindex(type(instance), [instance.pk])


#: Snippets whose text events, cycles or speakers index.
SHOWN_IN_SEARCH = (Speaker, Venue, Organisation, Theme, Audience, EventFormat)
SHOWN_BEFORE_DELETE = "_rencontres_shown_in_search"


def reindex_showing(sender, instance, raw=False, **kwargs):
    """The snippet and what shows it (snippets' own ``search_auto_update`` is off too)."""
    if raw:  # loaddata: update_index reindexes everything
        return
    indexing.reindex_saved(instance)


def note_showing(sender, instance, **kwargs):
    """Before a deletion cascades, note what shows the snippet: after it, links are gone."""
    instance.__dict__[SHOWN_BEFORE_DELETE] = indexing.showing(instance)


def reindex_showing_deleted(sender, instance, **kwargs):
    indexing.unindex_deleted(instance, instance.__dict__.get(SHOWN_BEFORE_DELETE))


# Reference index


def note_references(sender, instance, update_fields=None, raw=False, **kwargs):
    """Inside a publication, the references of a saved object are updated once, at its end."""
    if raw or not publication.changes_content(update_fields):
        return
    publication.references_changed(instance)


# Change notifications and frontend cache (services.changes)


def announce_published(sender, instance, **kwargs):
    changes.page_changed(instance, "published")


def announce_unpublished(sender, instance, **kwargs):
    changes.page_changed(instance, "unpublished")


def announce_deleted(sender, instance, **kwargs):
    changes.page_changed(instance, "deleted")


def announce_moved(sender, instance, url_path_before=None, url_path_after=None, **kwargs):
    if url_path_before != url_path_after:
        changes.page_changed(instance.specific_deferred, "moved")


def announce_events_showing(sender, instance, raw=False, **kwargs):
    """A speaker, venue or organisation changed: the live events and cycles showing it
    (in any of its translations) changed too."""
    if raw or not changes.enabled():
        return
    for model, pks in indexing.showing(instance).items():
        if model is not Speaker and pks:
            pages = model.objects.filter(pk__in=pks).select_related("locale")
            changes.pages_changed(pages, "changed")


# Change stamp

SHOWN_APPS = ("wagtail_rencontres", "wagtail_rencontres_relations")
# Written by reads (renditions are not watched) or never shown: a move would only waste 304s.
NOT_SHOWN = (ChangeStamp, RegistrationMail)


def shows(instance):
    """Whether the API or the feeds may show ``instance``, or depend on it."""
    if isinstance(instance, NOT_SHOWN):
        return False
    if isinstance(instance, Page | PageViewRestriction | Site | Locale | get_image_model()):
        return True
    return instance._meta.app_label in SHOWN_APPS


def deletions_shown():
    """Models whose deletion changes what is shown (a page's children go with its save).

    Connected one by one: a receiver without sender would deny every model
    Django's fast deletion.
    """
    return (
        Page,
        PageViewRestriction,
        Site,
        Locale,
        get_image_model(),
        Speaker,
        Venue,
        Organisation,
        Theme,
        Audience,
        EventFormat,
        Registration,
    )


def move_change_stamp(sender, instance, update_fields=None, **kwargs):
    """Something shown was saved, deleted, published or unpublished: move the stamp.

    A new revision (a draft) changes nothing shown.
    """
    if shows(instance) and publication.changes_content(update_fields):
        publication.content_changed(boundaries=isinstance(instance, Page))


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
    for page_model in (event_page, queries.cycle_model()):
        label = page_model._meta.label_lower
        post_save.connect(
            reindex_saved_page, sender=page_model, dispatch_uid=f"rencontres_reindex_{label}"
        )
        post_delete.connect(
            unindex_deleted_page, sender=page_model, dispatch_uid=f"rencontres_unindex_{label}"
        )
    post_save.connect(note_references, dispatch_uid="rencontres_references")
    for signal in (post_save, page_published, page_unpublished):
        signal.connect(move_change_stamp, dispatch_uid="rencontres_change_stamp")
    pre_migrate.connect(freshness.migration_started, dispatch_uid="rencontres_migrating")
    post_migrate.connect(
        freshness.migration_ended,
        sender=apps.get_app_config("wagtail_rencontres"),
        dispatch_uid="rencontres_migrated",
    )
    for model in deletions_shown():
        post_delete.connect(
            move_change_stamp,
            sender=model,
            dispatch_uid=f"rencontres_change_stamp_{model._meta.label_lower}",
        )
    for model in SHOWN_IN_SEARCH:
        name = model._meta.model_name
        post_save.connect(
            reindex_showing, sender=model, dispatch_uid=f"rencontres_reindex_showing_{name}"
        )
        pre_delete.connect(note_showing, sender=model, dispatch_uid=f"rencontres_note_{name}")
        post_delete.connect(
            reindex_showing_deleted, sender=model, dispatch_uid=f"rencontres_reindex_gone_{name}"
        )
    for model in (Speaker, Venue, Organisation):
        post_save.connect(
            announce_events_showing,
            sender=model,
            dispatch_uid=f"rencontres_announce_events_of_{model._meta.model_name}",
        )
    for page_model in (event_page, queries.cycle_model()):
        label = page_model._meta.label_lower
        for signal, receiver in (
            (page_published, announce_published),
            (page_unpublished, announce_unpublished),
            (post_delete, announce_deleted),
            (post_page_move, announce_moved),
        ):
            signal.connect(
                receiver, sender=page_model, dispatch_uid=f"rencontres_{receiver.__name__}_{label}"
            )
