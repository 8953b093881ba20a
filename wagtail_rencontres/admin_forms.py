"""Admin page forms of events and cycles: times are typed in the page's own timezone,
themes and audiences picked in the page's locale."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from wagtail_rencontres.enums import PartnerRole
from wagtail_rencontres.services import copying, dates, i18n

#: Datetime fields an editor types, on event and cycle pages (those a page lacks are skipped).
LOCAL_DATETIME_FIELDS = (
    "start",
    "end",
    "previous_start",
    "registration_opens_at",
    "registration_closes_at",
)


class CompleteInlinesForm(WagtailAdminPageForm):
    """Read each inline panel's forms as the whole set of its rows.

    The page editor always posts every row of an inline panel. A row saved
    meanwhile by an autosave, which the open page has not yet learnt the id
    of, comes back as a new form: modelcluster would keep the saved row beside
    the new one and the page would show it twice. Rows the post does not name
    are removed, as the editor did not see them.
    """

    #: Wagtail's comments are not an inline panel: a post carries only the editor's own.
    partial_formsets = ("comments",)

    def save(self, commit=True):
        for name, formset in self.formsets.items():
            if name in self.partial_formsets:
                continue
            posted = {form.instance.pk for form in formset.initial_forms}
            rows = getattr(self.instance, formset.rel_name)
            unnamed = [row for row in rows.all() if row.pk is not None and row.pk not in posted]
            if unnamed:
                rows.remove(*unnamed)
        return super().save(commit=commit)


class LocaleTermsForm(CompleteInlinesForm):
    """Offer the themes and audiences of the page's locale only, as checkboxes.

    Translations share their source's terms (wagtail-localize synchronises them),
    so the source page is where editors pick them, among its own locale's terms.
    Terms already chosen in another locale show as their translation when there is
    one, and stay offered otherwise, so that saving never drops them silently.
    A centre has a dozen themes and a few audiences: every one is in sight as a
    checkbox, where a multiple select needs Ctrl-click and scrolling.
    """

    locale_term_fields = ("themes", "audiences")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.locale_term_fields:
            if name in self.fields:
                field = self.fields[name]
                field.widget = forms.CheckboxSelectMultiple(attrs=field.widget.attrs)
                field.widget.choices = field.choices
        locale_id = self.instance.locale_id
        if locale_id is None:
            return
        for name in self.locale_term_fields:
            field = self.fields.get(name)
            if field is None:
                continue
            others = []
            if self.instance.pk:
                shown = i18n.localized_many(getattr(self.instance, name).all(), locale_id)
                others = [term.pk for term in shown if term.locale_id != locale_id]
                if not self.is_bound:
                    self.initial[name] = [term.pk for term in shown]
            field.queryset = field.queryset.filter(Q(locale_id=locale_id) | Q(pk__in=others))


class LocalTimePageForm(LocaleTermsForm):
    """Show and read a page's datetimes as wall-clock time in its own ``timezone``.

    Used by event and cycle pages. Without it, typed times would be read in the
    server's ``TIME_ZONE`` (UTC on a site made by ``wagtail start``) or the
    editor's admin timezone, and shift by the difference.
    """

    #: What a new page opens with, beyond the model's defaults: an event announced
    #: before its programme is settled says so.
    new_page_initial = {"programme_to_come": True}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.pk is None:
            for name, value in self.new_page_initial.items():
                if name in self.fields:
                    self.initial[name] = value
        tz_name = getattr(instance, "timezone", None)
        if not tz_name:
            return
        for name in LOCAL_DATETIME_FIELDS:
            value = getattr(instance, name, None)
            if name in self.fields and value is not None and name not in self.data:
                self.initial[name] = dates.to_local(value, tz_name).replace(tzinfo=None)

    def clean_slug(self):
        """Slugs in ASCII: ``égalité`` becomes ``egalite``, so URLs are not percent-encoded."""
        return copying.ascii_slug(self.cleaned_data["slug"]) or self.cleaned_data["slug"]

    def clean(self):
        cleaned = super().clean()
        tz_name = cleaned.get("timezone")
        if not tz_name:
            return cleaned
        for name in LOCAL_DATETIME_FIELDS:
            if name not in self.fields or cleaned.get(name) is None:
                continue
            try:
                cleaned[name] = dates.reinterpret(cleaned[name], tz_name)
            except ValidationError as error:
                self.add_error(name, error)
                cleaned.pop(name, None)
        self._check_funding_statement(cleaned)
        self._date_undated_days(cleaned)
        return cleaned

    def _date_undated_days(self, cleaned):
        """A day added without its date takes the first of the event's days not in the
        programme yet: a one-day event's programme day is never typed."""
        programme = cleaned.get("programme")
        start, end = cleaned.get("start"), cleaned.get("end")
        if not programme or not start or not end or end < start:
            return
        first, last = dates.local_days(start, end, cleaned["timezone"])
        used = {child.value.get("date") for child in programme}
        free = (
            first + dt.timedelta(days=offset)
            for offset in range((last - first).days + 1)
            if first + dt.timedelta(days=offset) not in used
        )
        for child in programme:
            if child.block_type == "day" and child.value.get("date") is None:
                child.value["date"] = next(free, None)

    def _check_funding_statement(self, cleaned):
        formset = self.formsets.get("partners")
        if formset is None or "funding_statement" not in self.fields:
            return
        # Inline formsets are validated after the page form; validate them now to read them.
        formset.is_valid()
        has_funder = any(
            form.cleaned_data.get("role") == PartnerRole.FUNDER
            and not form.cleaned_data.get("DELETE")
            for form in formset.forms
            if hasattr(form, "cleaned_data")
        )
        if has_funder and not cleaned.get("funding_statement", "").strip():
            self.add_error(
                "funding_statement",
                _("A co-funded event must carry the funding statement required by its funders."),
            )
