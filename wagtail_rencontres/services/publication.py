"""What saving and publishing a page sets off, done once per publication rather than once per row.

Publishing an event saves the page, then each of its partner links, then
sends ``page_published``. Each save would queue Wagtail's reference-index
update of the whole page, a search reindexing and a move of the change stamp.
Inside :func:`batch` (``save_revision`` and ``publish`` of event pages), the
receivers only note what is to be done; the batch does it once when it ends:
one reference-index update per page, one reindexing per model, one move of the
stamp, after every row is saved.

Outside a batch, each save does its work at once, as before.

A save that only records a new revision (``save_revision``'s update of the
page's draft fields) changes nothing the public pages, the search index or the
reference index hold: :func:`changes_content` says so.
"""

import contextlib
import contextvars
import logging
from collections import defaultdict

from modelcluster.fields import ParentalKey
from wagtail.models import ReferenceIndex
from wagtail.tasks import update_reference_index_task

from wagtail_rencontres import records
from wagtail_rencontres.services import freshness
from wagtail_rencontres.services.search import indexing

logger = logging.getLogger("wagtail_rencontres.services.publication")

#: Fields of a page that ``save_revision`` updates: the revision's bookkeeping, not the content.
REVISION_FIELDS = frozenset(
    {
        "comments",
        "wagtail_admin_comments",
        "latest_revision_created_at",
        "draft_title",
        "latest_revision",
        "has_unpublished_changes",
    }
)

_current = contextvars.ContextVar("rencontres_publication", default=None)


def changes_content(update_fields):
    """Whether a save with ``update_fields`` may change content (not only revision bookkeeping)."""
    return update_fields is None or not set(update_fields) <= REVISION_FIELDS


class Batch:
    """What a publication's saves asked for, done by :meth:`run`."""

    def __init__(self):
        self.stamp = None  # None: unchanged; else whether dates may have changed
        self.reindex = defaultdict(set)  # model: pks
        self.references = {}  # (base model label, pk): (app label, model name, pk)

    def run(self):
        for app_label, model_name, pk in self.references.values():
            try:
                update_reference_index_task.enqueue(app_label, model_name, str(pk))
            except Exception:  # the reference index never blocks a publication
                logger.exception(
                    "Could not queue the reference index of %s.%s %s", app_label, model_name, pk
                )
        for model, pks in self.reindex.items():
            indexing.enqueue_reindex(model, sorted(pks))
        if self.stamp is not None:
            freshness.changed(boundaries=self.stamp)


@contextlib.contextmanager
def batch():
    """Collect the side effects of the saves inside, and do each once at the end.

    Nested batches join the outer one. Wagtail's reference-index updates are
    held back meanwhile and queued once per page.
    """
    if _current.get() is not None:
        yield
        return
    # Imported here: wagtail.signal_handlers reads a model when imported, and page
    # models import this module while the app registry loads.
    from wagtail.signal_handlers import disable_reference_index_auto_update

    work = Batch()
    token = _current.set(work)
    # The speaker, reference and search indexes each read the programme: once will do.
    with records.remembering():
        try:
            with disable_reference_index_auto_update():
                yield
        finally:
            _current.reset(token)
            # Even after a failure: the rows saved before it are committed (publishing
            # is not one transaction), and the indexes and the stamp must show them.
            work.run()


def content_changed(boundaries=False):
    """Something shown changed: move the change stamp (once per batch)."""
    work = _current.get()
    if work is None:
        freshness.changed(boundaries=boundaries)
    else:
        work.stamp = bool(work.stamp) or boundaries


def reindex(model, pk):
    """Reindex the ``model`` object of ``pk`` for search (once per batch)."""
    work = _current.get()
    if work is None:
        indexing.enqueue_reindex(model, [pk])
    else:
        work.reindex[model].add(pk)


def references_changed(instance):
    """Note a saved object whose references the batch updates (nothing outside a batch,
    where Wagtail updates them itself)."""
    work = _current.get()
    if work is None:
        return
    model = type(instance)
    if model not in ReferenceIndex.tracked_models:
        return
    parental_key = next(
        (field for field in model._meta.get_fields() if isinstance(field, ParentalKey)), None
    )
    if parental_key is not None:
        parent_pk = getattr(instance, parental_key.attname)
        if parent_pk is None:
            return
        model, pk = parental_key.related_model, parent_pk
    else:
        pk = instance.pk
    parents = model._meta.get_parent_list()  # multi-table inheritance: a page's base is Page
    key = ((parents[-1] if parents else model)._meta.label, pk)
    if parental_key is None or key not in work.references:
        work.references[key] = (model._meta.app_label, model._meta.model_name, pk)
