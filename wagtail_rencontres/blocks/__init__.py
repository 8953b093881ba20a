"""StreamField blocks: programme, body content, documents and resources."""

from wagtail_rencontres.blocks.content import (
    BodyBlock,
    DocumentsBlock,
    ObjectivesBlock,
    ResourcesBlock,
)
from wagtail_rencontres.blocks.links import LinkBlock
from wagtail_rencontres.blocks.programme import (
    DayBlock,
    ProgrammeBlock,
    SessionBlock,
    SessionSpeakerBlock,
    SynchronisedSnippetChooserBlock,
)

__all__ = [
    "BodyBlock",
    "DayBlock",
    "DocumentsBlock",
    "LinkBlock",
    "ObjectivesBlock",
    "ProgrammeBlock",
    "ResourcesBlock",
    "SessionBlock",
    "SessionSpeakerBlock",
    "SynchronisedSnippetChooserBlock",
]
