"""Objects whose search index entry may be out of date, kept by
:mod:`wagtail_rencontres.services.search.backlog`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """An object whose reindexing or unindexing is queued, or failed.

    Noted in the transaction that queues the update, removed once a task has
    updated every search backend. A search server's counts and facets leave
    out what it still holds of these objects and the database no longer shows.
    """

    model = models.CharField(
        verbose_name=_("model"),
        max_length=100,
        help_text=_("The indexed model, as app_label.model_name."),
    )
    object_id = models.CharField(
        verbose_name=_("object id"),
        max_length=64,
        help_text=_("The primary key of the object to reindex or unindex."),
    )
    noted_at = models.DateTimeField(
        verbose_name=_("noted at"),
        help_text=_("When its update was last queued; a task that started later settles it."),
    )

    def __str__(self):
        return f"{self.model} {self.object_id}"

    class Meta:
        verbose_name = _("pending search index update")
        verbose_name_plural = _("pending search index updates")
        constraints = [
            models.UniqueConstraint(
                fields=["model", "object_id"], name="rencontres_pending_index_update_unique"
            )
        ]
