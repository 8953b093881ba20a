"""Settings of the benchmark site: the example site on ``DATABASE_URL``, measured.

The example site's own settings (its apps, middleware, i18n patterns, French
first), plus what a measurement needs: the benchmark URLconf with the floor
view, a middleware counting SQL queries per request, no registration rate
limit (the registration race comes from one address) and a shared database
cache, as in production.
"""

import os

from example_site.settings.base import *  # noqa: F403
from example_site.settings.base import INSTALLED_APPS, MIDDLEWARE, database_from_url
from wagtail_rencontres.search_settings import search_backend

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "benchmarks-only-not-secret")
DEBUG = False
ALLOWED_HOSTS = ["*"]


DATABASES = {
    "default": database_from_url(
        os.environ.get(
            "DATABASE_URL", "postgres://rencontres:rencontres@127.0.0.1:54329/rencontres_bench"
        ),
        CONN_MAX_AGE=60,
    )
}
# RENCONTRES_SEARCH_BACKEND=database (default), elasticsearch (ELASTICSEARCH_URL) or
# opensearch (OPENSEARCH_URL): the backend the generator fills and the search scenario uses.
RENCONTRES_SEARCH_BACKEND = os.environ.get("RENCONTRES_SEARCH_BACKEND", "database")
WAGTAILSEARCH_BACKENDS = {
    "default": search_backend(
        RENCONTRES_SEARCH_BACKEND,
        url=os.environ.get(f"{RENCONTRES_SEARCH_BACKEND.upper()}_URL"),
        index_prefix="rencontres_bench_",
        timeout=30,
    )
}
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "rencontres_cache",
    }
}
ROOT_URLCONF = "benchmarks.urls"
# First, so that it counts the queries of every other middleware too.
MIDDLEWARE = ["benchmarks.middleware.QueryCountMiddleware", *MIDDLEWARE]
WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 0
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
}
# Wagtail's v2 API stops at 20 items a page: the benchmark compares pages of 50.
WAGTAILAPI_LIMIT_MAX = 100
# Background work goes to the database task queue, as in production: a request
# pays for queueing a mail or an index update, a worker for doing it. The
# publishing scenario runs its tasks at once, so that its count includes indexing.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]
# Mails are rendered and handed to a backend that drops them: no SMTP server here.
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
