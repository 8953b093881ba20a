"""Serves the headless demo (``example_site/frontend/``) at ``/headless/``.

The demo is plain ES modules read as they are, with no build step: the
files are served from their folder. It reads only the typed API.
"""

from pathlib import Path

from django.urls import path, re_path
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.static import serve

FRONTEND = Path(__file__).resolve().parents[1] / "frontend"


# The admin's "Front end" preview mode frames the page (#/preview?token=…).
@xframe_options_sameorigin
def index(request):
    """The demo's one page; its modules route between the agenda, the events and a preview."""
    return serve(request, "index.html", document_root=FRONTEND)


def asset(request, name):
    """A module, the stylesheet or the types of the demo (404 outside its folder)."""
    return serve(request, name, document_root=FRONTEND)


urlpatterns = [
    path("", index, name="headless"),
    re_path(r"^(?P<name>[\w-]+\.(?:js|css))$", asset, name="headless-asset"),
]
