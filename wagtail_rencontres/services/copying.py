"""Copying an event for its next edition: the same programme, every date moved.

The copy is a draft beside the source (Wagtail's copy, with its log entry and
``before_copy_page``/``after_copy_page`` hooks left to the admin view). Every
date moves by the same number of calendar days, wall-clock times kept in the
event's timezone: days of the programme, start and end, registration opening
and deadline. The copy keeps the programme, its speakers, the partners and the
registration questions; it has no registrations (they belong to the source),
a status back to scheduled, its own ICS identity, and an ASCII slug.
"""

import copy
import datetime as dt
import re

from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from wagtail_rencontres.enums import EventStatus
from wagtail_rencontres.services import dates

#: Datetime fields of an event moved with its start (those a page lacks are skipped).
SHIFTED_FIELDS = ("start", "end", "registration_opens_at", "registration_closes_at")

_YEAR = re.compile(r"\b(19|20)\d\d\b")


def ascii_slug(text):
    """A slug of ASCII letters, digits and hyphens: ``"Égalité"`` gives ``"egalite"``."""
    return slugify(text, allow_unicode=False)


def next_title(title, old_year, new_year):
    """``title`` with ``old_year`` written in it replaced by ``new_year``."""
    return _YEAR.sub(lambda found: str(new_year) if found[0] == str(old_year) else found[0], title)


def shifted_programme(raw_programme, days):
    """The stored programme with each day's date moved by ``days`` (times are wall-clock)."""
    moved = copy.deepcopy(list(raw_programme))
    for child in moved:
        value = child.get("value") or {}
        if value.get("date"):
            value["date"] = (
                dt.date.fromisoformat(value["date"]) + dt.timedelta(days=days)
            ).isoformat()
    return moved


def next_edition_attrs(event, start_date, title=None):
    """The fields of ``event``'s copy starting on ``start_date`` (a date in its timezone)."""
    days = (start_date - event.local_start.date()).days
    title = title or next_title(event.title, event.local_start.year, start_date.year)
    attrs = {
        name: dates.shift_days(getattr(event, name), days, event.timezone)
        for name in SHIFTED_FIELDS
        if hasattr(event, name)
    }
    base_slug = (
        ascii_slug(title) if title != event.title else ascii_slug(f"{event.slug}-{start_date.year}")
    )
    attrs.update(
        title=title,
        draft_title=title,
        slug=find_available_slug(event.get_parent(), base_slug or "event"),
        programme=shifted_programme(event.programme.raw_data, days),
        status=EventStatus.SCHEDULED,
        previous_start=None,
        live=False,
        has_unpublished_changes=True,
    )
    return attrs


def copy_for_next_year(event, start_date, user=None, title=None):
    """Copy ``event`` as a draft beside it, starting on ``start_date``; return the copy."""
    return event.copy(
        to=event.get_parent(),
        update_attrs=next_edition_attrs(event, start_date, title=title),
        keep_live=False,
        copy_revisions=False,
        user=user,
    )
