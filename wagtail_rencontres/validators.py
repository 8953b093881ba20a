"""Rules shared by models, blocks, forms and the API."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

#: Years a date given in a filter may have: beyond them, time zone arithmetic overflows.
MIN_YEAR, MAX_YEAR = 1900, 2999


def validate_timezone(value):
    """Accept only IANA timezone names, such as ``Europe/Paris``."""
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a known IANA timezone (for example Europe/Paris)."),
            code="invalid_timezone",
            params={"value": value},
        )


def day_outside_event_message(day, first_day, last_day):
    """Error shown when a programme day falls outside the event's dates."""
    return ValidationError(
        _("%(day)s is outside the event's dates (%(first)s – %(last)s)."),
        code="day_outside_event",
        params={
            "day": date_format(day, "DATE_FORMAT"),
            "first": date_format(first_day, "DATE_FORMAT"),
            "last": date_format(last_day, "DATE_FORMAT"),
        },
    )


def programme_days_error(day_dates, first_day, last_day):
    """The error of programme days falling outside ``first_day`` – ``last_day``, or ``None``.

    ``day_dates``: the date of each day block, in order. Keyed by block
    position, so that the editor shows it on each wrong day's date.
    """
    block_errors = {}
    for position, day in enumerate(day_dates):
        if day is not None and not first_day <= day <= last_day:
            block_errors[position] = StructBlockValidationError(
                block_errors={"date": day_outside_event_message(day, first_day, last_day)}
            )
    return StreamBlockValidationError(block_errors=block_errors) if block_errors else None
