"""The ``urls.py`` of a site set up as the tutorial says.

A ``urls.py`` shaped like the one ``wagtail start`` makes (admin, documents,
then Wagtail's catch-all page route), with the tutorial's ``mysite/urls.py``
code blocks appended exactly as ``ci/fresh_site_check.py`` appends them.
"""

import importlib.util
from pathlib import Path

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

_CHECK = Path(__file__).resolve().parent.parent / "ci" / "fresh_site_check.py"


def _tutorial_url_blocks():
    spec = importlib.util.spec_from_file_location("fresh_site_check", _CHECK)
    check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check)
    return [code for title, code in check.tutorial_blocks() if title == "mysite/urls.py"]


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include(wagtail_urls)),
]

for _code in _tutorial_url_blocks():
    exec(_code, globals())  # noqa: S102 - the project's own tutorial, as a site would paste it
