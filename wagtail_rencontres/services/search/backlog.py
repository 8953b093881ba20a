"""Objects whose search index entry may be out of date.

They are rows of :class:`~wagtail_rencontres.models.PendingIndexUpdate`. An
object is noted in the transaction that queues its reindexing or unindexing
(:mod:`.indexing`), and settled once a task has updated every search
backend. A search server counts and facets its matches itself
(:mod:`.engine`); what it still holds of a noted object that the database no
longer shows (a missed unpublish, deletion or move) is left out of them, so
that counts and facets never disagree with the hits. The notes are few: the
objects whose update is queued, or failed while the server was away.
"""

from django.utils import timezone

from wagtail_rencontres.models import PendingIndexUpdate


def note(model, pks):
    """Note that the index entries of the ``model`` objects of ``pks`` may be out of date."""
    now = timezone.now()
    PendingIndexUpdate.objects.bulk_create(
        [
            PendingIndexUpdate(model=model._meta.label_lower, object_id=str(pk), noted_at=now)
            for pk in pks
        ],
        update_conflicts=True,
        unique_fields=["model", "object_id"],
        update_fields=["noted_at"],
    )


def settle(model_label, pks, started):
    """The entries of ``pks`` are up to date as of ``started``: forget notes made before.

    A note made since (a new change while the task ran) stays for the next task.
    """
    PendingIndexUpdate.objects.filter(
        model=model_label.lower(), object_id__in=[str(pk) for pk in pks], noted_at__lte=started
    ).delete()


def pending(model):
    """The primary keys of the ``model`` objects whose index entry may be out of date."""
    to_python = model._meta.pk.to_python
    return [
        to_python(object_id)
        for object_id in PendingIndexUpdate.objects.filter(
            model=model._meta.label_lower
        ).values_list("object_id", flat=True)
    ]
