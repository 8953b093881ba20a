"""Settings of the host test site (see tests/hostsite/__init__.py).

Everything the default test settings have, except what makes a real site
different from the example site: a custom image model, the site's own page
classes, UTC as ``wagtail start`` sets it, and English first.
"""

from tests.settings import *  # noqa: F403
from tests.settings import BASE_DIR, INSTALLED_APPS, TEMPLATES

TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

INSTALLED_APPS = ["tests.hostsite.images", "tests.hostsite", *INSTALLED_APPS]
WAGTAILIMAGES_IMAGE_MODEL = "hostimages.CustomImage"
WAGTAILRENCONTRES_AGENDAPAGE_MODEL = "hostsite.AgendaPage"
WAGTAILRENCONTRES_EVENTPAGE_MODEL = "hostsite.EventPage"
WAGTAILRENCONTRES_CYCLEPAGE_MODEL = "hostsite.CyclePage"

TEMPLATES = [
    {
        **TEMPLATES[0],
        "DIRS": [BASE_DIR / "tests" / "hostsite" / "templates", *TEMPLATES[0]["DIRS"]],
    }
]
