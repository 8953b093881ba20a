"""Page types: Wagtail pages are models and views at once.

Each module holds one page type's behaviour as an abstract mixin, usable on a
site's own base page (``class EventPage(EventPageMixin, MyBasePage)``), with the
views its routes serve; :mod:`.shipped` builds the ready-to-use pages from them
on ``wagtail.models.Page``. Page modules sit above the services they call;
import the classes from :mod:`wagtail_rencontres.models`, which re-exports them.
"""

# Whichever module a site imports first, the data models load first:
# wagtail_rencontres.models imports the page modules once the snippets and
# relations they point to exist, and a page module imported before that would
# meet itself half-initialised through the services.
import wagtail_rencontres.models  # noqa: F401
