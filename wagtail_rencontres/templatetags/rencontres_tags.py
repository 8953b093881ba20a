from django import template

from wagtail_rencontres.services import formatting

register = template.Library()


@register.simple_tag
def event_when(event):
    """``{% event_when page %}`` → “jeudi 28 novembre 2024, de 9 h à 15 h 30”."""
    return formatting.event_when(event)


@register.filter
def time_fr(value):
    """A time the French way (9 h 30) in French, 9:30 otherwise."""
    if value is None:
        return ""
    return formatting.format_time(value)


@register.filter
def day_long(value):
    """A date as “jeudi 28 novembre 2024”."""
    if value is None:
        return ""
    return formatting.format_day(value)
