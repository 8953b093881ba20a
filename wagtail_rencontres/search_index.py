"""Keep the search index in step with what publishing commits.

Wagtail reindexes a page on ``post_save``, which fires before modelcluster
commits the page's many-to-many relations (themes, audiences): with an
immediate task backend the index would hold the previous themes until the
next save. Reindexing on ``page_published``, sent once everything is saved,
closes that gap. Errors are handled as Wagtail does: logged, never blocking
publication on a search server (``update_index`` repairs later).

Events also index text of the snippets they point to (speakers' names, roles
and organisations, the venue, partner organisations): saving one of those
snippets reindexes the live events that show it.
"""

from django.apps import apps
from django.db.models import Q
from django.db.models.signals import post_save
from wagtail.search import index
from wagtail.signals import page_published

from wagtail_rencontres import conf


def reindex_published_page(sender, instance, **kwargs):
    from wagtail_rencontres.models import CyclePageMixin, EventPageMixin

    if isinstance(instance, EventPageMixin | CyclePageMixin):
        index.insert_or_update_object(instance)


def events_showing(instance):
    """Live events whose indexed text includes ``instance`` (a speaker, venue or organisation)."""
    event_model = conf.page_model("EventPage")
    name = instance._meta.model_name
    if name == "speaker":
        condition = Q(speaker_links__speaker=instance)
    elif name == "venue":
        condition = Q(venue=instance)
    else:
        condition = Q(partners__organisation=instance) | Q(
            speaker_links__speaker__organisation=instance
        )
    return event_model.objects.live().filter(condition).distinct()


def reindex_events_showing(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the events are reindexed by update_index
        return
    for event in events_showing(instance):
        index.insert_or_update_object(event)


def register_signal_handlers():
    page_published.connect(reindex_published_page, dispatch_uid="rencontres_reindex_published")
    for model_name in ("Speaker", "Venue", "Organisation"):
        post_save.connect(
            reindex_events_showing,
            sender=apps.get_model("wagtail_rencontres", model_name),
            dispatch_uid=f"rencontres_reindex_events_of_{model_name.lower()}",
        )
