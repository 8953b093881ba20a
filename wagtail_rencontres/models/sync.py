"""Records kept for API consumers: tombstones (and, in
:mod:`wagtail_rencontres.relations.models`, the speaker → event index).

Both are derived data, rebuilt by :mod:`wagtail_rencontres.services.sync`
when pages are saved, published, unpublished or deleted.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventTombstone(models.Model):
    """An event that left the public API: unpublished, made private or deleted.

    Returned by the events list with ``updated_since`` so that a client
    syncing incrementally can remove its copy.
    """

    page_id = models.PositiveBigIntegerField(verbose_name=_("page id"), db_index=True)
    uuid = models.UUIDField(verbose_name=_("uuid"))
    locale = models.CharField(verbose_name=_("locale"), max_length=100, blank=True)
    removed_at = models.DateTimeField(verbose_name=_("removed at"), db_index=True)

    def __str__(self):
        return f"{self.page_id} ({self.removed_at.isoformat()})"

    class Meta:
        verbose_name = _("event tombstone")
        verbose_name_plural = _("event tombstones")
        ordering = ["removed_at", "page_id"]
