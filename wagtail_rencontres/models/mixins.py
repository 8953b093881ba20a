"""Field defaults of the page types that migrations refer to by this dotted path.

The page mixins themselves live in :mod:`wagtail_rencontres.pages`. The
``timezone`` fields of event and cycle pages take their default from
:func:`default_timezone`, and every migration that creates such a field, in
the package and in sites with their own page classes, names it as
``wagtail_rencontres.models.mixins.default_timezone``: keep it here.
"""

from django.db import models

from wagtail_rencontres import conf


def default_timezone():
    """The timezone of new events and cycles (``WAGTAILRENCONTRES_DEFAULT_TIMEZONE``)."""
    return conf.get_setting("DEFAULT_TIMEZONE")


def listing_indexes():
    """Indexes of an event page behind the listings' filters and sorts (dates,
    registration, status, attendance) and the change stamp's boundaries; the
    names take the app and class, cut to the 30 characters Django allows, so
    each concrete event class gets its own."""
    prefix = "%(app_label).11s_%(class).11s_"
    return [
        models.Index(fields=["start", "end"], name=prefix + "start"),
        models.Index(fields=["end"], name=prefix + "end"),
        models.Index(fields=["registration_mode"], name=prefix + "reg"),
        models.Index(fields=["status"], name=prefix + "status"),
        models.Index(fields=["attendance_mode"], name=prefix + "att"),
        # The change stamp's next boundary reads the first opening and deadline to come.
        models.Index(fields=["registration_opens_at"], name=prefix + "opens"),
        models.Index(fields=["registration_closes_at"], name=prefix + "closes"),
    ]
