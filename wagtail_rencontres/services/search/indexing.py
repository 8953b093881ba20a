"""Search index updates in the background, retried while the search server is away.

Requests never talk to the search server to index: they queue the django-tasks
task :func:`reindex`, and the task worker updates the index. Wagtail does the
same for a saved object (its ``post_save`` handler queues
``modelsearch.tasks.insert_or_update_object_task``); the package adds what
Wagtail cannot know: a page reindexed once published (its many-to-many
relations are saved after ``post_save``), and the live events that show a
saved speaker, venue or organisation.

When the server is down or frozen, :func:`reindex` logs the failure and queues
itself again later (:data:`RETRY_DELAYS`) on task backends that can defer a
task; after the last attempt, ``manage.py update_index`` repairs the index.
"""

import datetime as dt
import logging

from django.apps import apps
from django.db.models import Prefetch, Q
from django.utils import timezone
from django_tasks import task
from wagtail.search import index
from wagtail.search.backends import get_search_backends_with_name

from wagtail_rencontres.models import Audience, EventFormat, Speaker, Theme, Venue
from wagtail_rencontres.services import i18n, queries, search_text
from wagtail_rencontres.services.search import backlog

logger = logging.getLogger("wagtail_rencontres.services.search")

#: Waits before the automatic 2nd, 3rd and 4th attempts of a reindexing.
RETRY_DELAYS = (
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=10),
    dt.timedelta(hours=1),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1


def enqueue_reindex(model, pks):
    """Queue the reindexing of the ``model`` objects of ``pks``; never raises.

    The task is queued in the current transaction, as Wagtail queues its own:
    the database backend's worker sees it once the transaction commits.
    """
    pks = [str(pk) for pk in pks]
    if not pks:
        return
    backlog.note(model, pks)
    try:
        reindex.enqueue(model._meta.label, pks)
    except Exception:  # indexing never blocks a save; update_index repairs
        logger.exception("Could not queue the reindexing of %s %s", model._meta.label, pks)


def _showing(instance):
    """``{model: condition}`` of what indexes text of ``instance``, a snippet.

    Pages name a record in its source locale and show its translation in
    theirs, so every copy of the record (its ``translation_key``) counts.
    """
    key = instance.translation_key
    events, cycles = queries.event_model(), queries.cycle_model()
    if isinstance(instance, Speaker):
        return {events: Q(speaker_links__speaker__translation_key=key)}
    if isinstance(instance, Venue):
        return {events: Q(venue__translation_key=key)}
    if isinstance(instance, EventFormat):
        return {events: Q(format__translation_key=key)}
    if isinstance(instance, Theme | Audience):
        field = "themes" if isinstance(instance, Theme) else "audiences"
        condition = Q(**{f"{field}__translation_key": key})
        return {events: condition, cycles: condition}
    partner = Q(partners__organisation__translation_key=key)
    return {
        events: partner | Q(speaker_links__speaker__organisation__translation_key=key),
        cycles: partner,
        Speaker: Q(organisation__translation_key=key),
    }


def showing(instance):
    """``{model: [pk, …]}``: the live events and cycles, and the speakers, showing ``instance``."""
    shown = {}
    for model, condition in _showing(instance).items():
        objects = model.objects.filter(condition)
        if model is not Speaker:
            objects = objects.live()
        shown[model] = list(objects.order_by().values_list("pk", flat=True).distinct())
    return shown


def reindex_showing(instance, shown=None):
    """Queue the reindexing of what shows ``instance`` (``shown``: as found before a deletion)."""
    for model, pks in (showing(instance) if shown is None else shown).items():
        enqueue_reindex(model, pks)


def reindex_saved(instance):
    """Queue the reindexing of a saved snippet and of what shows it."""
    enqueue_reindex(type(instance), [instance.pk])
    reindex_showing(instance)


def unindex_deleted(instance, shown):
    """Queue the unindexing of a deleted snippet and the reindexing of what showed it."""
    enqueue_unindex(type(instance), [instance.pk])
    reindex_showing(instance, shown)


def indexed_objects(model, pks):
    """The indexed objects of ``pks``, with what their search text reads fetched at once.

    Event and cycle pages get their chosen records in their locale and events
    their public programme (:func:`.search_text.prepare`): their text then
    costs a constant number of queries, whatever the number of pages.
    """
    objects = model.get_indexed_objects().filter(pk__in=pks)
    if not issubclass(model, queries.event_model() | queries.cycle_model()):
        return list(objects)
    related = [name for name in ("venue", "format") if hasattr(model, f"{name}_id")]
    links = model._meta.get_field("partners").related_model.objects.select_related("organisation")
    objects = list(
        objects.select_related("locale", *related).prefetch_related(
            "themes", "audiences", Prefetch("partners", queryset=links)
        )
    )
    i18n.localize_pages(objects)
    if issubclass(model, queries.event_model()):
        search_text.prepare(objects)
    return objects


@task()
def reindex(model_label, pks, attempt=1):
    """Index the objects of ``pks`` in every auto-updated backend; retry later on failure.

    Objects deleted meanwhile are skipped. Returns the number of objects indexed.
    """
    model = apps.get_model(model_label)
    objects = [
        indexed
        for instance in indexed_objects(model, pks)
        if (indexed := index.get_indexed_instance(instance, check_exists=False)) is not None
    ]
    return _run(reindex, "Reindexing", model_label, pks, attempt, "add", objects)


@task()
def unindex(model_label, pks, attempt=1):
    """Remove the deleted objects of ``pks`` from every auto-updated backend; retry on failure.

    Returns the number of objects removed.
    """
    model = apps.get_model(model_label)
    return _run(
        unindex, "Unindexing", model_label, pks, attempt, "delete", [model(pk=pk) for pk in pks]
    )


def enqueue_unindex(model, pks):
    """Queue the removal of deleted objects from the index; never raises."""
    pks = [str(pk) for pk in pks]
    backlog.note(model, pks)
    try:
        unindex.enqueue(model._meta.label, pks)
    except Exception:  # deleting never waits for the index; update_index repairs
        logger.exception("Could not queue the unindexing of %s %s", model._meta.label, pks)


def _run(this, verb, model_label, pks, attempt, method, objects):
    """``backend.<method>(obj)`` for ``objects`` on every backend; on failure, retry ``this``.

    Once every backend is updated, the objects' notes in the :mod:`.backlog` are settled.
    """
    started = timezone.now()
    try:
        for _name, backend in get_search_backends_with_name(with_auto_update=True):
            for instance in objects:
                getattr(backend, method)(instance)
    except Exception as error:  # noqa: BLE001 - any backend failure is logged and retried
        logger.warning("%s %s %s failed (attempt %s): %s", verb, model_label, pks, attempt, error)
        _retry(this, verb, model_label, pks, attempt)
        return 0
    # Objects deleted meanwhile keep their note until their unindexing settles it.
    backlog.settle(model_label, [instance.pk for instance in objects], started)
    return len(objects)


def _retry(this, verb, model_label, pks, attempt):
    if attempt >= MAX_ATTEMPTS or not this.get_backend().supports_defer:
        logger.error(
            "%s %s %s given up after %s attempts: run manage.py update_index",
            verb,
            model_label,
            pks,
            attempt,
        )
        return
    run_after = timezone.now() + RETRY_DELAYS[attempt - 1]
    try:
        this.using(run_after=run_after).enqueue(model_label, pks, attempt=attempt + 1)
    except Exception:  # noqa: BLE001 - logged; update_index repairs
        logger.exception("Could not queue a retry of %s %s %s", verb.lower(), model_label, pks)
