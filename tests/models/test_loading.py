"""Django loads the package whichever of its modules a site imports first.

The page classes are models, so ``wagtail_rencontres.models`` imports them;
their modules import the services, which import the data models. A site's
models module that imports a page module, a service or the API fields before
Django reaches ``wagtail_rencontres.models`` must not meet a module half
initialised (``ImportError: cannot import name … partially initialized``).
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

SETUP = """
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
os.environ["RENCONTRES_IMPORT_FIRST"] = sys.argv[1]
import django
from django.conf import settings
settings.INSTALLED_APPS = ["tests.models.import_first.ImportFirstConfig", *settings.INSTALLED_APPS]
django.setup()
from wagtail_rencontres import conf
print(conf.page_model("EventPage").__module__)
"""


@pytest.mark.parametrize(
    "module",
    [
        "wagtail_rencontres.pages.event",
        "wagtail_rencontres.services.registration",
        "wagtail_rencontres.services.capacity",
        "wagtail_rencontres.api.fields",
    ],
)
def test_a_site_may_import_any_module_of_the_package_first(module):
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", SETUP, module],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert (result.returncode, result.stdout.strip()) == (0, "wagtail_rencontres.pages.shipped"), (
        result.stderr[-3000:]
    )
