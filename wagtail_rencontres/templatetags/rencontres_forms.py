"""Template filters of the registration forms."""

from django import template

from wagtail_rencontres import forms

register = template.Library()


@register.filter
def workshop_label(session):
    """A workshop as its form names it: “Atelier A — mercredi 28 janvier, 14 h 00 – 16 h 00”."""
    return forms.workshop_label(session)
