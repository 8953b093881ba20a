"""The change stamp: when what the public API and feeds show last changed.

One row, shared by every worker and kept across cache clears, kept by
:mod:`wagtail_rencontres.services.freshness`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ChangeStamp(models.Model):
    """When public content last changed, and the next moment it changes by itself.

    The API and the ICS feeds derive their ``Last-Modified`` (and the feeds
    their ``ETag``) from it.
    """

    changed_at = models.DateTimeField(
        verbose_name=_("changed at"),
        help_text=_("The last change to pages, snippets, registrations or privacy."),
    )
    next_boundary = models.DateTimeField(
        verbose_name=_("next boundary"),
        null=True,
        blank=True,
        help_text=_(
            "The next start, end or registration date after which listings change without any edit."
        ),
    )

    def __str__(self):
        return self.changed_at.isoformat()

    class Meta:
        verbose_name = _("change stamp")
        verbose_name_plural = _("change stamps")
