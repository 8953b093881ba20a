"""The registration form, built with Wagtail's forms contrib, and the search page's form.

:class:`RegistrationFormBuilder` adds the core fields every registration
needs (name, email, organisation, function, audience category, workshops,
consent and a honeypot) to the event's extra questions
(:class:`~wagtail_rencontres.models.RegistrationFormField`).
:class:`SearchForm` checks a search page's query string.
"""

from collections import OrderedDict

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from wagtail_rencontres.enums import OrganisationKind
from wagtail_rencontres.validators import MAX_YEAR, MIN_YEAR

#: Names of the fields stored in the Registration's own columns, not in ``form_data``.
CORE_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "organisation",
    "organisation_kind",
    "function",
    "audience",
)
#: The honeypot: hidden from people, filled by naive bots.
HONEYPOT_FIELD = "website"
RESERVED_FIELDS = (*CORE_FIELDS, "workshops", "consent", HONEYPOT_FIELD)
#: Browsers fill these from the person's saved details (WCAG 1.3.5, input purpose).
AUTOCOMPLETE = {
    "first_name": "given-name",
    "last_name": "family-name",
    "email": "email",
    "organisation": "organization",
    "function": "organization-title",
}
#: Extra questions whose name says what they ask, by the clean name Wagtail gives them.
EXTRA_AUTOCOMPLETE = {
    "telephone": "tel",
    "phone": "tel",
    "tel": "tel",
    "code_postal": "postal-code",
    "postal_code": "postal-code",
    "ville": "address-level2",
    "city": "address-level2",
}
NBSP = "\u00a0"


def organisation_kind_field():
    """The optional "type of organisation" choice, on the online and the walk-in forms."""
    return forms.ChoiceField(
        label=_("Type of organisation"),
        choices=[("", "—"), *OrganisationKind.choices],
        required=False,
    )


class RegistrationForm(BaseForm):
    """Validates one registration; set up by :class:`RegistrationFormBuilder`."""

    event = None
    workshop_sessions = {}  # noqa: RUF012 - replaced per event by the builder
    # Session ids whose current registration is kept (self-service updates).
    keep_workshops = ()

    def error_summary(self):
        """``(anchor, label, message)`` for each error, form-wide ones first (no anchor).

        The anchor is the id of the field's input, or of its first box when the
        field is a group of boxes, so that the summary's links reach it.
        """
        summary = [("", "", message) for message in self.non_field_errors()]
        for name, field in self.fields.items():
            # The consent's label is its whole text: the summary names it in one word.
            label = _("Consent") if name == "consent" else field.label
            for message in self.errors.get(name, []):
                summary.append((_anchor(self[name]), str(label), message))
        return summary

    def core_fields(self):
        """The person's fields, in their order."""
        return [self[name] for name in CORE_FIELDS if name in self.fields]

    def extra_fields(self):
        """The event's own questions."""
        return [self[name] for name in self.fields if name not in RESERVED_FIELDS]

    def workshop_groups(self):
        """Workshop boxes as ``(open, restricted)`` lists: each group gets its fieldset."""
        if "workshops" not in self.fields:
            return [], []
        open_sessions, restricted = [], []
        for box in self["workshops"].subwidgets:
            session = self.workshop_sessions.get(str(box.data["value"]))
            (restricted if session is not None and session.restricted else open_sessions).append(
                box
            )
        return open_sessions, restricted

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(_("This field must stay empty."), code="honeypot")
        return ""

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("workshops") or []
        if not chosen:
            return cleaned
        sessions = [self.workshop_sessions[session_id] for session_id in chosen]
        errors = []
        audience = cleaned.get("audience")
        for session in sessions:
            # By translation key: a translated event's sessions keep the source's audiences.
            if session.restricted and (
                audience is None or audience.translation_key not in session.restricted_keys
            ):
                errors.append(
                    forms.ValidationError(
                        _("“%(title)s” is restricted to: %(audiences)s."),
                        code="restricted_session",
                        params={
                            "title": session.title,
                            "audiences": ", ".join(session.restricted_to),
                        },
                    )
                )
        for position, first in enumerate(sessions):
            for second in sessions[position + 1 :]:
                if _overlap(first, second):
                    errors.append(
                        forms.ValidationError(
                            _("“%(first)s” and “%(second)s” take place at the same time."),
                            code="overlapping_sessions",
                            params={"first": first.title, "second": second.title},
                        )
                    )
        if errors:
            self.add_error("workshops", errors)
        return cleaned


class _ListedChoices(ModelChoiceIterator):
    """The choices of a field's ``listed`` records, already read: no query."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for record in self.field.listed:
            yield self.choice(record)

    def __len__(self):
        return len(self.field.listed) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.listed)


class AudienceChoiceField(forms.ModelChoiceField):
    """An audience by primary key; values no database integer can hold are invalid, not errors.

    ``listed``: the records of ``queryset``, when the caller has read them; the
    widget then shows them without a query. Submitted values are still checked
    against ``queryset``.
    """

    def __init__(self, *args, listed=None, **kwargs):
        self.listed = listed
        super().__init__(*args, **kwargs)

    @property
    def iterator(self):
        return ModelChoiceIterator if self.listed is None else _ListedChoices

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            number = int(str(value))
        except ValueError:
            number = 0
        if not 0 < number < 2**63:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(number)


def _anchor(bound_field):
    if bound_field.field.widget.use_fieldset:
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label


def _overlap(first, second):
    first_end = first.end or first.start
    second_end = second.end or second.start
    return first.start < second_end and second.start < first_end


class RegistrationFormBuilder(FormBuilder):
    """Core registration fields, the event's workshops, then its extra questions."""

    def __init__(
        self, fields, event, workshop_sessions, consent_text, audiences, listed_audiences=None
    ):
        super().__init__(fields)
        self.event = event
        self.workshop_sessions = workshop_sessions
        self.consent_text = consent_text
        self.audiences = audiences
        self.listed_audiences = listed_audiences

    def core_formfields(self):
        formfields = OrderedDict()
        formfields["first_name"] = forms.CharField(label=_("First name"), max_length=100)
        formfields["last_name"] = forms.CharField(label=_("Last name"), max_length=100)
        formfields["email"] = forms.EmailField(label=_("Email"), max_length=254)
        formfields["organisation"] = forms.CharField(label=_("Organisation"), max_length=255)
        formfields["organisation_kind"] = organisation_kind_field()
        formfields["function"] = forms.CharField(
            label=_("Function"), max_length=255, required=False
        )
        for name, purpose in AUTOCOMPLETE.items():
            formfields[name].widget.attrs["autocomplete"] = purpose
        formfields["audience"] = AudienceChoiceField(
            label=_("Audience category"),
            queryset=self.audiences,
            listed=self.listed_audiences,
            required=False,
            help_text=_("Sessions restricted to some audiences need the matching category."),
        )
        if self.workshop_sessions:
            formfields["workshops"] = forms.MultipleChoiceField(
                label=_("Workshops"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[
                    (session_id, workshop_label(session))
                    for session_id, session in self.workshop_sessions.items()
                ],
            )
        return formfields

    @property
    def formfields(self):
        formfields = self.core_formfields()
        for name, field in super().formfields.items():
            # Core fields win: an extra question cannot replace them.
            if name not in RESERVED_FIELDS:
                if name in EXTRA_AUTOCOMPLETE:
                    field.widget.attrs.setdefault("autocomplete", EXTRA_AUTOCOMPLETE[name])
                formfields[name] = field
        formfields["consent"] = forms.BooleanField(label=self.consent_text, required=True)
        formfields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return formfields

    def get_form_class(self):
        attrs = dict(self.formfields)
        attrs["event"] = self.event
        attrs["workshop_sessions"] = self.workshop_sessions
        return type("RegistrationForm", (RegistrationForm,), attrs)


def workshop_label(session):
    """“Atelier A — mercredi 28 janvier, 14 h 00 – 16 h 00”, kept whole by non-breaking spaces."""
    label = f"{session.title} — {workshop_when(session)}"
    if session.restricted:
        label += (
            " ("
            + gettext("restricted to: %(audiences)s")
            % {"audiences": ", ".join(session.restricted_to)}
            + ")"
        )
    return label


def workshop_when(session):
    """The day and times of a session in words, in the active language, in its own time zone."""
    day = date_format(session.start, "l j F").replace(" ", NBSP)
    times = _clock(session.start)
    if session.end and session.end != session.start:
        times += f"{NBSP}– {_clock(session.end)}"
    return f"{day}, {times}"


def _clock(value):
    """14 h 00 in French (with non-breaking spaces), 14:00 elsewhere."""
    if (get_language() or "").startswith("fr"):
        return f"{value.hour}{NBSP}h{NBSP}{value.minute:02d}"
    return f"{value:%H:%M}"


class ValuesField(forms.Field):
    """A repeated query-string parameter (``theme=a&theme=b``), each value cleaned by ``child``."""

    widget = forms.MultipleHiddenInput

    def __init__(self, child, **kwargs):
        self.child = child
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        return [self.child.clean(item) for item in value or [] if item.strip()]


class SearchForm(forms.Form):
    """A search page's query string: words, chosen facets and page number.

    Django's text fields refuse NUL characters, which databases cannot
    compare; years and page numbers stay within what dates and offsets hold.
    """

    #: Far beyond any result list, and an offset every database accepts.
    MAX_PAGE = 100_000

    q = forms.CharField(label=_("Words"), required=False)
    theme = ValuesField(forms.CharField(max_length=100), label=_("Themes"))
    format = ValuesField(forms.CharField(max_length=100), label=_("Formats"))
    region = ValuesField(forms.CharField(max_length=120), label=_("Regions"))
    year = ValuesField(
        forms.IntegerField(min_value=MIN_YEAR, max_value=MAX_YEAR),
        label=_("Years"),
    )
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=MAX_PAGE)

    def clean_q(self):
        # The search box holds 200 characters; a longer query is cut, as the box would.
        return self.cleaned_data["q"][:200]

    def error_text(self):
        """Every error, one sentence each, prefixed by its field's label."""
        return " ".join(
            f"{self.fields[name].label} : {message}" if name in self.fields else message
            for name, messages in self.errors.items()
            for message in messages
        )
