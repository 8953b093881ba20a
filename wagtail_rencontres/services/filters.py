"""The event filters shared by the typed API, the v2 endpoint and the ICS feeds.

Parameters are validated by a Django form, so errors are keyed by field and
translatable; :func:`apply` turns the cleaned values into database filters.
"""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

from wagtail_rencontres import conf
from wagtail_rencontres.enums import AttendanceMode, EventStatus
from wagtail_rencontres.services import dates, queries

ORDERINGS = {
    "start": ("start", "pk"),
    "-start": ("-start", "-pk"),
    "title": ("title", "pk"),
}
PAGINATION_PARAMETERS = ("limit", "offset")


class CommaSeparatedField(forms.CharField):
    """``a,b,c`` → ``["a", "b", "c"]``, optionally checked against allowed choices."""

    def __init__(self, *args, choices=None, integers=False, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.allowed = list(choices) if choices is not None else None
        self.integers = integers

    def to_python(self, value):
        value = super().to_python(value)
        items = [item.strip() for item in value.split(",") if item.strip()] if value else []
        if self.integers:
            try:
                return [int(item) for item in items]
            except ValueError:
                raise ValidationError(
                    _("Give one or more numeric ids, separated by commas."), code="invalid"
                ) from None
        if self.allowed is not None:
            unknown = [item for item in items if item not in self.allowed]
            if unknown:
                raise ValidationError(
                    _("Unknown value %(value)s. Allowed: %(allowed)s."),
                    code="invalid_choice",
                    params={"value": ", ".join(unknown), "allowed": ", ".join(self.allowed)},
                )
        return items


class MomentField(forms.CharField):
    """A date (``2024-11-28``) or a datetime (``2024-11-28T09:00+01:00``).

    A date or a datetime without offset is read in the site's default event
    timezone. Returns ``(aware datetime, is_date)``.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        zone = conf.get_setting("DEFAULT_TIMEZONE")
        try:
            day = parse_date(value)
            moment = None if day else parse_datetime(value.replace(" ", "+"))
        except ValueError:
            day = moment = None
        if day is not None:
            return dates.make_local_lenient(day, dt.time(0, 0), zone), True
        if moment is None:
            raise ValidationError(
                _(
                    "Give a date (2024-11-28) or a date and time with offset "
                    "(2024-11-28T09:00+01:00)."
                ),
                code="invalid",
            )
        if timezone.is_naive(moment):
            moment = dates.make_local_lenient(moment.date(), moment.time(), zone)
        return moment, False


class BooleanChoiceField(forms.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        if value.lower() in ("true", "1", "yes"):
            return True
        if value.lower() in ("false", "0", "no"):
            return False
        raise ValidationError(_("Give true or false."), code="invalid")


class EventFilterForm(forms.Form):
    """Every filter of event listings. Unknown parameters are errors, keyed by their name."""

    when = forms.ChoiceField(
        required=False, choices=[(value, value) for value in queries.WHEN_CHOICES]
    )
    starts_after = MomentField()
    starts_before = MomentField()
    ends_after = MomentField()
    ends_before = MomentField()
    theme = CommaSeparatedField()
    audience = CommaSeparatedField()
    format = CommaSeparatedField()
    organiser = CommaSeparatedField(integers=True)
    speaker = CommaSeparatedField(integers=True)
    venue = CommaSeparatedField(integers=True)
    city = forms.CharField(required=False, max_length=120)
    department = forms.CharField(required=False, max_length=120)
    region = forms.CharField(required=False, max_length=120)
    cycle = CommaSeparatedField(integers=True)
    status = CommaSeparatedField(choices=EventStatus.values)
    attendance_mode = CommaSeparatedField(choices=AttendanceMode.values)
    registration_open = BooleanChoiceField()
    q = forms.CharField(required=False, max_length=255)
    locale = forms.CharField(required=False, max_length=100)
    updated_since = MomentField()
    ordering = forms.ChoiceField(required=False, choices=[(value, value) for value in ORDERINGS])

    def __init__(self, data, *, extra_parameters=PAGINATION_PARAMETERS, **kwargs):
        super().__init__(data, **kwargs)
        self.extra_parameters = set(extra_parameters)

    def clean(self):
        cleaned = super().clean()
        for name in self.data:
            if name not in self.fields and name not in self.extra_parameters:
                # Not a form field, so add_error() would refuse it: key the message by hand.
                self._errors[name] = self.error_class([_("Unknown parameter.")])
        locale = cleaned.get("locale")
        if locale:
            from wagtail.models import Locale

            if not Locale.objects.filter(language_code=locale).exists():
                self.add_error("locale", _("Unknown locale %(code)s.") % {"code": locale})
        return cleaned


def error_dict(form):
    """Field-keyed messages: ``{"field": ["message", …]}``."""
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


def validate(params, *, extra_parameters=PAGINATION_PARAMETERS):
    """Return ``(cleaned, errors)`` for a query dict of event filters."""
    data = {key: params.get(key) for key in params}
    form = EventFilterForm(data, extra_parameters=extra_parameters)
    if form.is_valid():
        return form.cleaned_data, {}
    return None, error_dict(form)


def apply(queryset, cleaned, now=None):
    """Filter and sort ``queryset`` (visible events) in the database."""
    now = now or timezone.now()
    when = cleaned.get("when")
    if when:
        queryset = queries.filter_when(queryset, when, now=now)
    queryset = queries.filter_dates(
        queryset,
        starts_after=cleaned.get("starts_after"),
        starts_before=cleaned.get("starts_before"),
        ends_after=cleaned.get("ends_after"),
        ends_before=cleaned.get("ends_before"),
    )
    queryset = queries.filter_relations(
        queryset,
        themes=cleaned.get("theme"),
        audiences=cleaned.get("audience"),
        formats=cleaned.get("format"),
        organisers=cleaned.get("organiser"),
        speakers=cleaned.get("speaker"),
        venues=cleaned.get("venue"),
        cycles=cleaned.get("cycle"),
    )
    queryset = queries.filter_place(
        queryset,
        city=cleaned.get("city"),
        department=cleaned.get("department"),
        region=cleaned.get("region"),
    )
    if cleaned.get("status"):
        queryset = queryset.filter(status__in=cleaned["status"])
    if cleaned.get("attendance_mode"):
        queryset = queryset.filter(attendance_mode__in=cleaned["attendance_mode"])
    if cleaned.get("registration_open") is not None:
        queryset = queries.filter_registration_open(queryset, cleaned["registration_open"], now)
    if cleaned.get("locale"):
        queryset = queryset.filter(locale__language_code=cleaned["locale"])
    if cleaned.get("updated_since"):
        queryset = queryset.filter(last_published_at__gte=cleaned["updated_since"][0])
    ordering = cleaned.get("ordering")
    if ordering:
        queryset = queryset.order_by(*ORDERINGS[ordering])
    elif not when:
        queryset = queryset.order_by(*ORDERINGS["start"])
    if cleaned.get("q"):
        queryset = queries.search(queryset, cleaned["q"], keep_order=bool(ordering or when))
    return queryset
