"""Settings for the test suite.

The database is SQLite in memory unless ``DATABASE_URL`` names another one,
for example ``postgres://postgres@localhost:5432/rencontres``.
"""

import os
import tempfile
from pathlib import Path

from example_site.settings.base import database_from_url
from wagtail_rencontres.search_settings import search_backend

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "tests-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
USE_TZ = True
TIME_ZONE = "Europe/Paris"
LOCALE_PATHS = [BASE_DIR / "example_site" / "locale"]
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_I18N = True
USE_L10N = True


DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL", "sqlite://:memory:"), default_name="rencontres"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "wagtail_rencontres",
    "wagtail_rencontres.relations",
    "example_site.demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "ninja",
    "corsheaders",
    "django_tasks",
    # The database task backend, for the tests of retries run by the task worker.
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "example_site.urls"

# CORS (django-cors-headers) on the API and the feeds only; tests set the origins.
CORS_URLS_REGEX = r"^/(api|rencontres)/.*$"
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # tests/templates: base templates shaped like those of host sites.
        "DIRS": [BASE_DIR / "example_site" / "templates", BASE_DIR / "tests" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

STATIC_URL = "/static/"
# The example site's stylesheet, so that browser tests see the real colours.
STATICFILES_DIRS = [BASE_DIR / "example_site" / "static"]
STATIC_ROOT = Path(tempfile.gettempdir()) / "rencontres-test-static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(tempfile.gettempdir()) / "rencontres-test-media"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "Rencontres (tests)"
WAGTAILADMIN_BASE_URL = "http://testserver"
# RENCONTRES_SEARCH_BACKEND=sqlite|postgres (database backend, on DATABASE_URL's
# database), elasticsearch (ELASTICSEARCH_URL) or opensearch (OPENSEARCH_URL).
RENCONTRES_SEARCH_BACKEND = os.environ.get("RENCONTRES_SEARCH_BACKEND", "database")
WAGTAILSEARCH_BACKENDS = {
    "default": search_backend(
        RENCONTRES_SEARCH_BACKEND,
        url=os.environ.get(f"{RENCONTRES_SEARCH_BACKEND.upper()}_URL"),
        index_prefix="rencontres_tests_",
        timeout=30,
    )
}
WAGTAILRENCONTRES_BASE_TEMPLATE = "base.html"
# The API's response cache is keyed by the change stamp, which moves when a
# transaction commits. Tests roll their transactions back, so most never move it:
# they run without the cache. tests/api/test_response_cache.py and
# test_http_caching.py turn it on and commit their changes as a site does.
WAGTAILRENCONTRES_API_RESPONSE_CACHE = None
