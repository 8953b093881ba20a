"""Blocks for an event's body, its documents and its after-event resources."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from wagtail_rencontres.blocks.links import LinkBlock


class DocumentBlock(blocks.StructBlock):
    """A document with an optional title overriding the file's own."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "wagtail_rencontres/blocks/document.html"


class RecordingBlock(blocks.StructBlock):
    """A video or audio recording, embedded when the provider allows it."""

    title = blocks.CharBlock(label=_("Title"))
    embed = EmbedBlock(label=_("Address of the recording"))

    class Meta:
        icon = "media"
        label = _("Recording")
        template = "wagtail_rencontres/blocks/recording.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        form_classname="title",
        template="wagtail_rencontres/blocks/heading.html",
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["h3", "h4", "bold", "italic", "link", "ol", "ul"]
    )
    image = ImageChooserBlock(label=_("Image"), template="wagtail_rencontres/blocks/image.html")
    quote = blocks.BlockQuoteBlock(label=_("Quote"))

    class Meta:
        label = _("Body")


class DocumentsBlock(blocks.StreamBlock):
    """Documents and links published before the event (“En savoir plus”, leaflet)."""

    document = DocumentBlock()
    link = LinkBlock()

    class Meta:
        label = _("Documents and links")


class ResourcesBlock(blocks.StreamBlock):
    """What remains after the event: slides, recordings, proceedings."""

    slides = DocumentBlock(label=_("Slides"), icon="doc-full")
    recording = RecordingBlock()
    proceedings = DocumentBlock(label=_("Proceedings"), icon="doc-full-inverse")
    link = LinkBlock()

    class Meta:
        label = _("After-event resources")


class ObjectivesBlock(blocks.StreamBlock):
    """The event's objectives, one sentence each."""

    objective = blocks.TextBlock(label=_("Objective"), icon="tick")

    class Meta:
        label = _("Objectives")
        template = "wagtail_rencontres/blocks/objectives.html"
