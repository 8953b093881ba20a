"""Preview modes of event pages: "After the event", and "Front end" for headless sites."""

import datetime as dt

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail_rencontres import conf
from wagtail_rencontres.services import clock, preview

HEADLESS_MODE = "headless"
AFTER_EVENT_MODE = "after-event"
#: How long after its end an event is shown in the "After the event" mode.
AFTER_EVENT_DELAY = dt.timedelta(days=1)


class AfterEventPreviewMixin(models.Model):
    """Adds the "After the event" preview mode: the page as readers will see it once it is over.

    The page is rendered as of one day after its end (:mod:`.services.clock`):
    "This event is over", registration closed, the after-event resources.
    """

    @property
    def preview_modes(self):
        return [*super().preview_modes, (AFTER_EVENT_MODE, _("After the event"))]

    def after_event_moment(self):
        """The moment the "After the event" mode shows the page as of, or None without dates."""
        last = self.end or self.start
        return last + AFTER_EVENT_DELAY if last is not None else None

    def serve_preview(self, request, mode_name):
        moment = self.after_event_moment() if mode_name == AFTER_EVENT_MODE else None
        if moment is None:
            return super().serve_preview(request, mode_name)
        with clock.as_of(moment):
            response = super().serve_preview(request, mode_name)
            # A template response renders when returned: render it as of the moment.
            if hasattr(response, "render"):
                response.render()
        return response

    class Meta:
        abstract = True


class HeadlessPreviewMixin(models.Model):
    """Adds the "Front end" preview mode when ``WAGTAILRENCONTRES_HEADLESS_PREVIEW_URL`` is set.

    The mode renders a small page that frames the front end's URL, given a
    token for the page's last saved revision (see :mod:`.services.preview`):
    the front end reads that revision from the typed API. Unsaved edits stay in
    the editor's form until a draft is saved, as a token names a revision.
    """

    @property
    def preview_modes(self):
        modes = super().preview_modes
        if conf.get_setting("HEADLESS_PREVIEW_URL"):
            modes = [*modes, (HEADLESS_MODE, _("Front end"))]
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name != HEADLESS_MODE:
            return super().serve_preview(request, mode_name)
        front_end_url = saved_at = None
        if self.pk and self.latest_revision_id:
            token = preview.make_token(self.pk, self.latest_revision_id)
            front_end_url = preview.front_end_url(self, token)
            saved_at = self.latest_revision_created_at
        response = TemplateResponse(
            request,
            "wagtail_rencontres/admin/headless_preview.html",
            {"page": self, "front_end_url": front_end_url, "saved_at": saved_at},
        )
        response["Cache-Control"] = "private, no-store"
        return response

    class Meta:
        abstract = True
