"""Admin widgets whose texts follow the editor's language on every request.

Wagtail's ``AdminSnippetChooser`` formats "Choose %(object)s" when the widget is
built. A ``SnippetChooserBlock`` builds its widget once per process (a cached
property of a block declared at import), so the first request's language stuck
to every later request: "Choose speaker" in the French admin. The texts here are
formatted each time they are shown.
"""

from django.utils.functional import lazy
from django.utils.translation import gettext
from wagtail.snippets.widgets import AdminSnippetChooser


def _interpolate(message, name):
    return gettext(message) % {"object": name}


interpolate_lazy = lazy(_interpolate, str)

# Wagtail's own messages (its catalogue translates them), formatted on display.
TEXTS = {
    "choose_one_text": "Choose %(object)s",
    "choose_another_text": "Choose another %(object)s",
    "link_to_chosen_text": "Edit this %(object)s",
}


class SnippetChooser(AdminSnippetChooser):
    """``AdminSnippetChooser`` with texts translated when rendered, not when built."""

    def __init__(self, model=None, **kwargs):
        super().__init__(model=model, **kwargs)
        name = self.model._meta.verbose_name
        for attribute, message in TEXTS.items():
            if attribute not in kwargs:
                setattr(self, attribute, interpolate_lazy(message, name))
