from django import template
from django.urls import NoReverseMatch, reverse

from wagtail_rencontres.services import formatting, jsonld

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


@register.simple_tag(takes_context=True)
def event_jsonld(context, event):
    """``{% event_jsonld page %}`` → the event's schema.org JSON-LD script."""
    return jsonld.script(jsonld.event_data(event, context.get("request")))


_EVENT_HEAD_RENDERED = "wagtail_rencontres.event_head_rendered"


@register.simple_tag(takes_context=True)
def event_head(context, event):
    """``{% event_head page %}`` → the event's JSON-LD and calendar ``<link>``, once per page.

    The event template calls it from two ``<head>`` blocks: ``extra_head`` and
    ``extra_css``, the only one that ``wagtail start``'s ``base.html`` has. The
    first call that the base template renders outputs the metadata and later
    calls output nothing, so a base template with both blocks gets it once.
    The flag lives in the render context, shared by a template and the
    templates it extends, and gone when the page is rendered.
    """
    if context.render_context.get(_EVENT_HEAD_RENDERED):
        return ""
    context.render_context[_EVENT_HEAD_RENDERED] = True
    template = context.template.engine.get_template("wagtail_rencontres/includes/event_head.html")
    with context.push(event=event):
        return template.render(context)


@register.simple_tag
def rencontres_feed_url(name, *args):
    """URL of a feed view, or "" when the site did not include ``wagtail_rencontres.urls``."""
    try:
        return reverse(f"wagtail_rencontres:{name}", args=args)
    except NoReverseMatch:
        return ""
