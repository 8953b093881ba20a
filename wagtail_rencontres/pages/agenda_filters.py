"""The agenda's own filters: a GET form over the database filters of the API.

The form names its fields as the API's query parameters (``theme``,
``format``, ``audience``, ``region``, ``department``) plus a date range, so
an agenda URL reads like an API query; :func:`cleaned_filters` hands its
values to :func:`wagtail_rencontres.services.filters.apply`, the one
filtering logic of listings.
"""

import datetime as dt
import unicodedata

from django import forms
from django.apps import apps
from django.db.models import CharField, Exists, F, OuterRef, Value
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail_rencontres import conf
from wagtail_rencontres.services import dates
from wagtail_rencontres.validators import MAX_YEAR, MIN_YEAR

#: Filters by choice, in the form's order: (parameter, taxonomy model or venue field).
TERM_MODELS = {"theme": "Theme", "format": "EventFormat", "audience": "Audience"}
#: Filters by place, in the form's order: (parameter, field of the event's venue).
PLACE_FIELDS = {"region": "region", "department": "department"}


def filter_choices(agenda, events):
    """``{parameter: [(value, label), …]}`` of every choice filter, in one query.

    Themes, formats and audiences are the terms of the agenda's locale (their
    slugs are shared by translations); regions and départements are those of
    the venues of ``events``.
    """
    columns = ("kind", "key", "label")
    text = CharField()
    parts = [
        apps.get_model("wagtail_rencontres", model)
        .objects.filter(locale_id=agenda.locale_id)
        .annotate(kind=Value(name, output_field=text), key=F("slug"), label=F("name"))
        .values_list(*columns)
        .order_by()
        for name, model in TERM_MODELS.items()
    ]
    # Read from the venues, each kept when one of ``events`` takes place there
    # (an index lookup per venue): a site's few hundred venues, not its events.
    used = events.prefetch_related(None).select_related(None).order_by()
    venue_model = events.model._meta.get_field("venue").related_model
    venues = venue_model._default_manager.filter(
        Exists(used.filter(venue_id=OuterRef("pk")))
    ).order_by()
    parts += [
        venues.filter(**{f"{field}__gt": ""})
        .annotate(kind=Value(name, output_field=text), key=F(field), label=F(field))
        .values_list(*columns)
        for name, field in PLACE_FIELDS.items()
    ]
    found = {name: set() for name in (*TERM_MODELS, *PLACE_FIELDS)}
    for kind, key, label in parts[0].union(*parts[1:]):
        found[kind].add((key, label))
    return {name: sorted(values, key=_alphabetical) for name, values in found.items()}


def _alphabetical(item):
    """Sort key of a ``(value, label)`` choice: its label, accents aside ("Éducation" at E)."""
    decomposed = unicodedata.normalize("NFKD", item[1].casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class AgendaFilterForm(forms.Form):
    """The agenda's filters; each choice field lists what ``choices`` gives it."""

    theme = forms.ChoiceField(label=_("Theme"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    audience = forms.ChoiceField(label=_("Audience"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    department = forms.ChoiceField(label=_("Département"), required=False)
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Events still on that day or later."),
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Events starting that day or before."),
    )

    def __init__(self, data, choices):
        super().__init__(data)
        for name, values in choices.items():
            self.fields[name].choices = [("", pgettext_lazy("agenda filter", "All"))] + list(values)

    def clean(self):
        cleaned = super().clean()
        for name in ("date_from", "date_to"):
            day = cleaned.get(name)
            if day and not MIN_YEAR <= day.year <= MAX_YEAR:
                self.add_error(
                    name,
                    _("Give a year between %(low)s and %(high)s.")
                    % {"low": MIN_YEAR, "high": MAX_YEAR},
                )
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end of the range is before its start."))
        return cleaned

    def shown_fields(self):
        """The date fields, and the choice fields that have something to choose."""
        return [
            field
            for field in self
            if not isinstance(field.field, forms.ChoiceField) or len(field.field.choices) > 1
        ]

    @property
    def is_filtered(self):
        """Whether any valid filter is set."""
        self.is_valid()
        return any(self.cleaned_data.values())


def _day(value):
    """A date as the ``(moment, is_date)`` pair of the listing filters."""
    zone = conf.get_setting("DEFAULT_TIMEZONE")
    return dates.make_local_lenient(value, dt.time(0, 0), zone), True


def cleaned_filters(form):
    """The form's valid values, as :func:`~wagtail_rencontres.services.filters.apply`
    takes them; an invalid field filters nothing (the form shows its error)."""
    form.is_valid()
    data = form.cleaned_data
    cleaned = {name: [data[name]] for name in TERM_MODELS if data.get(name)}
    cleaned.update({name: data[name] for name in PLACE_FIELDS if data.get(name)})
    if data.get("date_from"):
        cleaned["ends_after"] = _day(data["date_from"])
    if data.get("date_to"):
        cleaned["starts_before"] = _day(data["date_to"])
    return cleaned
