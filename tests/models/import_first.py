"""An app, listed before wagtail-rencontres, whose models module imports one of its modules.

A site's own models module may import ``wagtail_rencontres.pages``,
``wagtail_rencontres.api.fields`` or a service before Django has loaded
``wagtail_rencontres.models``; ``tests/models/test_loading.py`` lists this app
first and names the module in ``RENCONTRES_IMPORT_FIRST``.
"""

import importlib
import os

from django.apps import AppConfig


class ImportFirstConfig(AppConfig):
    name = "tests.models"
    label = "rencontres_import_first"

    def import_models(self):
        importlib.import_module(os.environ["RENCONTRES_IMPORT_FIRST"])
        super().import_models()
