"""Settings the tutorial adds to a site made by ``wagtail start``.

Shared by the tutorial (English and French, through pymdownx.snippets) and by
``ci/fresh_site_check.py``, which appends the ``settings`` section to a fresh
site's ``settings/base.py``: change it here only, and both follow.
"""

# ruff: noqa: F821 - INSTALLED_APPS comes from the settings file this is appended to.

# --8<-- [start:settings]
# wagtail-rencontres
INSTALLED_APPS += [
    "wagtail_rencontres",
    "django_tasks",
    "wagtail.api.v2",
    "rest_framework",
    "ninja",
]

# Background tasks, such as confirmation mails. The immediate backend runs them
# at once; the production guide switches to the database backend.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

# The package's page templates extend your site's own base template.
WAGTAILRENCONTRES_BASE_TEMPLATE = "base.html"
# --8<-- [end:settings]
