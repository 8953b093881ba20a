"""The admin's warning about a registration deadline left behind by new event dates.

:func:`~wagtail_rencontres.services.registration.status.deadline_warning`
decides; this module says it when the editor opens the edit view (after
"Save draft" too, which comes back to it) and when they publish, which leaves
for the page listing. Autosave's requests get no message.
"""

from django.contrib import messages

from wagtail_rencontres.pages.registration import RegistrationPageMixin
from wagtail_rencontres.services.registration.status import deadline_warning


def _warn(request, page):
    if not isinstance(page, RegistrationPageMixin) or not hasattr(page, "start"):
        return
    message = deadline_warning(page)
    if message:
        messages.warning(request, message)


def on_opening_the_editor(request, page):
    """``before_edit_page``: warn when the edit view is shown (``page`` is the latest draft)."""
    if request.method == "GET":
        _warn(request, page)


def on_publishing(request, page):
    """``after_edit_page``: warn when the editor publishes, since the listing follows."""
    if "action-publish" in request.POST and request.accepts("text/html"):
        _warn(request, page)
