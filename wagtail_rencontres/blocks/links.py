from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class LinkBlock(blocks.StructBlock):
    """An external link with a visible label."""

    label = blocks.CharBlock(label=_("Label"), max_length=255)
    url = blocks.URLBlock(label=_("Address (URL)"))

    class Meta:
        icon = "link"
        label = _("Link")
        template = "wagtail_rencontres/blocks/link.html"
