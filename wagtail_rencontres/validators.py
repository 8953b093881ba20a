"""Rules shared by models, blocks, forms and the API."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_timezone(value):
    """Accept only IANA timezone names, such as ``Europe/Paris``."""
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a known IANA timezone (for example Europe/Paris)."),
            code="invalid_timezone",
            params={"value": value},
        )


def validate_time_range(start, end, *, field="end_time"):
    """Raise a field-keyed error when ``end`` is not after ``start``.

    Either bound may be ``None``: an open-ended slot is valid.
    """
    if start is not None and end is not None and end <= start:
        raise ValidationError(
            {field: ValidationError(_("The end must be after the start."), code="end_before_start")}
        )


def day_outside_event_message(day, first_day, last_day):
    """Error shown when a programme day falls outside the event's dates."""
    from django.utils.formats import date_format

    return ValidationError(
        _("%(day)s is outside the event's dates (%(first)s – %(last)s)."),
        code="day_outside_event",
        params={
            "day": date_format(day, "DATE_FORMAT"),
            "first": date_format(first_day, "DATE_FORMAT"),
            "last": date_format(last_day, "DATE_FORMAT"),
        },
    )
