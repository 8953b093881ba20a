"""The moment pages are shown as of: now, or a moment a preview chooses.

What an event page shows depends on the time: "this event is over", whether
registration is open, the deadline. The admin's "After the event" preview
(:class:`~wagtail_rencontres.pages.preview.AfterEventPreviewMixin`) renders a
page as of a later moment with :func:`as_of`; everything that decides what a
reader sees asks :func:`now`. Writes (when a mail was sent, when a
registration changed) keep the real time.
"""

import contextvars
from contextlib import contextmanager

from django.utils import timezone

_moment = contextvars.ContextVar("wagtail_rencontres_moment", default=None)


def now():
    """The moment to show pages as of: :func:`as_of`'s, else the current time."""
    return _moment.get() or timezone.now()


@contextmanager
def as_of(moment):
    """Show pages as of ``moment`` (an aware datetime) inside the block, in this thread only."""
    token = _moment.set(moment)
    try:
        yield moment
    finally:
        _moment.reset(token)
