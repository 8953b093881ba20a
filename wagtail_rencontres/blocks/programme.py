"""The programme: a stream of days, each holding timed sessions.

Built only from core blocks so that wagtail-localize extracts the text of
titles, descriptions and rooms without custom segment code.
"""

import copy
import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from wagtail_rencontres import records
from wagtail_rencontres.enums import SessionFormat
from wagtail_rencontres.widgets import SnippetChooser

#: The attribute naming the visible label of a list's last "Add" button
#: (``static/wagtail_rencontres/js/admin-list-labels.js``).
ADD_LABEL_ATTR = "data-rencontres-add-label"

#: Relations read with a chosen record, when its model has them (a speaker's
#: photo: its renditions then come in one query, see ``prepare_speakers``).
CHOSEN_WITH = ("locale", "organisation", "photo")


class SynchronisedSnippetChooserBlock(SnippetChooserBlock):
    """A snippet chooser whose choice is shared by every translation of the page.

    wagtail-localize would otherwise treat the chosen snippet as a related object
    to translate first; here the translated page keeps the source's record and
    :func:`wagtail_rencontres.services.i18n.localized` shows its translation in the
    page's locale when one exists.
    """

    @cached_property
    def widget(self):
        # Wagtail's widget formats its texts once, in the language of the first request.
        widget = super().widget
        return SnippetChooser(self.target_model, icon=widget.icon)

    def bulk_to_python(self, values):
        """Wagtail's, reading with the records what the programme shows of them:
        their locale and a speaker's organisation (one query, not three), and
        skipping those :func:`~wagtail_rencontres.records.known` offers."""
        model = self.model_class
        related = [name for name in CHOSEN_WITH if name in {f.name for f in model._meta.fields}]
        # Records the request already read (an event page's form audiences) are not read again.
        objects = records.in_bulk(model, values, related)
        result = []
        seen = set()
        for pk in values:
            obj = objects.get(pk)
            # As Wagtail does: a record chosen twice is two instances.
            result.append(copy.copy(obj) if obj is not None and pk in seen else obj)
            seen.add(pk)
        return result

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class SessionSpeakerBlock(blocks.StructBlock):
    """A speaker chosen from the Speaker snippets, with a role in this session."""

    speaker = SynchronisedSnippetChooserBlock("wagtail_rencontres.Speaker", label=_("Speaker"))
    role = blocks.CharBlock(
        label=_("Role in this session"),
        required=False,
        max_length=120,
        help_text=_("For example: moderator, discussant. Leave empty for a speaker."),
    )
    remote = blocks.BooleanBlock(
        label=_("Remote (visio)"),
        required=False,
        help_text=_("Tick when this speaker takes part remotely."),
    )

    class Meta:
        icon = "user"
        label = _("Speaker")
        label_format = "{speaker} {role}"


class SessionBlock(blocks.StructBlock):
    """A time slot of a day: talk, round table, workshop, lunch…

    Sessions of one day may overlap: parallel workshops are allowed.
    """

    start_time = blocks.TimeBlock(label=_("Start time"))
    end_time = blocks.TimeBlock(label=_("End time"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    format = blocks.ChoiceBlock(
        label=_("Format"), choices=SessionFormat.choices, default=SessionFormat.TALK
    )
    description = blocks.RichTextBlock(
        label=_("Description"),
        required=False,
        features=["bold", "italic", "link", "ol", "ul"],
    )
    speakers = blocks.ListBlock(
        SessionSpeakerBlock(),
        label=_("Speakers"),
        default=[],
        form_attrs={ADD_LABEL_ATTR: _("Add a speaker")},
    )
    room = blocks.CharBlock(label=_("Room"), required=False, max_length=120)
    remote = blocks.BooleanBlock(
        label=_("Remote (visio)"),
        required=False,
        help_text=_(
            "Tick when the whole session takes place remotely; mark remote speakers on "
            "each speaker."
        ),
    )
    restricted_audiences = blocks.ListBlock(
        SynchronisedSnippetChooserBlock("wagtail_rencontres.Audience", label=_("Audience")),
        label=_("Restricted to"),
        default=[],
        form_attrs={ADD_LABEL_ATTR: _("Add an audience")},
        help_text=_(
            "Leave empty for a session open to all. When set, only its time, title and "
            "audience are public; the description, room and speakers stay private."
        ),
    )
    capacity = blocks.IntegerBlock(
        label=_("Places"),
        required=False,
        min_value=1,
        help_text=_("For workshops chosen at registration: the number of places."),
    )

    def clean(self, value):
        value = super().clean(value)
        start, end = value.get("start_time"), value.get("end_time")
        if start is not None and end is not None and end <= start:
            raise StructBlockValidationError(
                block_errors={
                    "end_time": ValidationError(
                        _("The end time must be after the start time."), code="end_before_start"
                    )
                }
            )
        return value

    class Meta:
        icon = "time"
        label = _("Session")
        form_classname = "struct-block rencontres-session"
        # The header of a collapsed session, as a programme leaflet lists it.
        label_format = "{start_time} – {title}"
        # Compact: what a leaflet prints first, then, behind the session's
        # "Settings" button, what few sessions need (Wagtail opens it and
        # counts the errors there when one of them is invalid).
        form_layout = blocks.BlockGroup(
            children=["start_time", "end_time", "title", "format", "speakers", "description"],
            settings=["room", "remote", "restricted_audiences", "capacity"],
        )


class DayBlock(blocks.StructBlock):
    """One day of the programme."""

    date = blocks.DateBlock(label=_("Date"))
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=255,
        help_text=_("Optional, for example “Day 1: diagnosis”."),
    )
    sessions = blocks.ListBlock(
        SessionBlock(),
        label=pgettext_lazy("programme day", "Sessions"),
        default=[],
        collapsed=True,
        form_attrs={ADD_LABEL_ATTR: _("Add a session")},
    )

    def clean(self, value):
        """Wagtail's, with the sessions put in order of start time (untimed ones last)."""
        value = super().clean(value)
        ordered = sorted(
            value["sessions"].bound_blocks,
            # Stable: parallel sessions keep the order the editor gave them.
            key=lambda item: (
                item.value["start_time"] is None,
                item.value["start_time"] or dt.time.min,
            ),
        )
        value["sessions"] = ListValue(self.child_blocks["sessions"], bound_blocks=ordered)
        return value

    class Meta:
        icon = "date"
        label = _("Day")
        label_format = "{date} {title}"


class ProgrammeBlock(blocks.StreamBlock):
    day = DayBlock()

    def clean(self, value):
        value = super().clean(value)
        seen = {}
        errors = {}
        for index, child in enumerate(value):
            day = child.value.get("date")
            if day is None:  # a draft's day without its date yet
                continue
            if day in seen:
                errors[index] = StructBlockValidationError(
                    block_errors={
                        "date": ValidationError(
                            _("This day already appears in the programme."),
                            code="duplicate_day",
                        )
                    }
                )
            seen.setdefault(day, index)
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value

    class Meta:
        label = _("Programme")
