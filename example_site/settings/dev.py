"""Development settings: SQLite, debug, mails printed on the console."""

from example_site.settings.base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-example-site-development-only"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The admin's "Front end" preview mode opens the headless demo on the draft.
WAGTAILRENCONTRES_HEADLESS_PREVIEW_URL = "/headless/#/preview?token={token}"
