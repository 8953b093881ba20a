"""The "headless" preview mode: the admin's preview opens the site's front end on the draft."""

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail_rencontres import conf
from wagtail_rencontres.services import preview

HEADLESS_MODE = "headless"


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
