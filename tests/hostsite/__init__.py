"""A second test site shaped like the sites resource centres run.

It has a custom image model (``hostimages.CustomImage``), its own abstract base
page with its own agenda, event and cycle classes built from the package's
mixins (``WAGTAILRENCONTRES_*PAGE_MODEL``), ``TIME_ZONE = "UTC"`` as
``wagtail start`` sets it, and English as the default language with French
second. ``DJANGO_SETTINGS_MODULE=tests.hostsite.settings`` runs the suites on it.
"""
