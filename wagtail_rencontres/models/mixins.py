"""Field defaults of the page types that migrations refer to by this dotted path.

The page mixins themselves live in :mod:`wagtail_rencontres.pages`. The
``timezone`` fields of event and cycle pages take their default from
:func:`default_timezone`, and every migration that creates such a field, in
the package and in sites with their own page classes, names it as
``wagtail_rencontres.models.mixins.default_timezone``: keep it here.
"""

from wagtail_rencontres import conf


def default_timezone():
    """The timezone of new events and cycles (``WAGTAILRENCONTRES_DEFAULT_TIMEZONE``)."""
    return conf.get_setting("DEFAULT_TIMEZONE")
