"""The survey form: the event's survey questions through Wagtail's form builder, and a honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from wagtail_rencontres.forms import HONEYPOT_FIELD
from wagtail_rencontres.relations.models import SurveyQuestion

#: Field types whose answers can form a scale when every choice is a whole number.
SCALE_TYPES = ("radio", "dropdown")


def scale_values(question):
    """The whole numbers a scale question offers, or ``None`` when it is not a scale.

    The convention: a radio or drop-down question whose choices are all whole
    numbers (``1,2,3,4,5``) is a scale, and its answers are averaged.
    """
    if question.field_type not in SCALE_TYPES:
        return None
    choices = [choice.strip() for choice in question.choices.replace("\n", ",").split(",")]
    choices = [choice for choice in choices if choice]
    if not choices or not all(choice.lstrip("-").isdigit() for choice in choices):
        return None
    return [int(choice) for choice in choices]


class SurveyForm(BaseForm):
    """Validates one set of answers; set up by :func:`form_class`."""

    def error_summary(self):
        """``(anchor, label, message)`` for each error, as the registration form gives them."""
        summary = [("", "", message) for message in self.non_field_errors()]
        for name, field in self.fields.items():
            bound = self[name]
            anchor = f"{bound.auto_id}_0" if field.widget.use_fieldset else bound.id_for_label
            summary.extend(
                (anchor, str(field.label), message) for message in self.errors.get(name, [])
            )
        return summary

    def questions(self):
        """The bound fields of the questions, without the honeypot."""
        return [self[name] for name in self.fields if name != HONEYPOT_FIELD]

    def clean_website(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(_("This field must stay empty."), code="honeypot")
        return ""

    def answers(self):
        """The cleaned answers as JSON values, keyed by the questions' clean names."""
        return {
            name: _json_value(value)
            for name, value in self.cleaned_data.items()
            if name != HONEYPOT_FIELD
        }


def _json_value(value):
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return str(value)


def questions(event):
    """The event's survey questions, in the editor's order."""
    return list(SurveyQuestion.objects.filter(page_id=event.pk).order_by("sort_order", "pk"))


def form_class(event):
    """The survey form class of ``event`` (a Wagtail FormBuilder form with a honeypot)."""
    builder = FormBuilder(questions(event))
    attrs = dict(builder.formfields)
    attrs[HONEYPOT_FIELD] = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    return type("SurveyForm", (SurveyForm,), attrs)
