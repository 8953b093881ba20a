from django import template
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail_rencontres import conf
from wagtail_rencontres.services import formatting, jsonld, links, representation, typography

register = template.Library()


def _french(text):
    """``text`` with French non-breaking spaces when the active language is French."""
    if (get_language() or "").startswith("fr"):
        return typography.french(text)
    return text


@register.filter(needs_autoescape=True)
def typo_fr(value, autoescape=True):
    """``{{ text|typo_fr }}``: French spacing (“16 h 30”, “Attention : …”) in French.

    Text is escaped first; HTML already marked safe keeps its tags and entities.
    """
    if value is None:
        return ""
    text = conditional_escape(value) if autoescape else str(value)
    return mark_safe(_french(str(text)))  # noqa: S308 - escaped above; only spaces are added


@register.simple_tag
def event_when(event):
    """``{% event_when page %}`` → “jeudi 28 novembre 2024, de 9 h à 15 h 30”, with
    non-breaking spaces in French. ``event`` is a page or its representation."""
    if isinstance(event, dict):
        text = formatting.when(
            representation.from_iso(event["start"]),
            representation.from_iso(event["end"]),
            event["timezone"],
            event["all_day"],
        )
    else:
        text = formatting.event_when(event)
    return _french(text)


@register.filter
def time_fr(value):
    """A time the French way (9 h 30, never broken) in French, 9:30 otherwise."""
    if value is None:
        return ""
    return _french(formatting.format_time(value))


@register.filter
def day_long(value):
    """A date as “jeudi 28 novembre 2024”."""
    if value is None:
        return ""
    return _french(formatting.format_day(value))


@register.filter
def from_iso(value):
    """The aware datetime of a representation's ISO 8601 string, in its own offset."""
    return representation.from_iso(value) if value else None


@register.simple_tag(takes_context=True)
def event_card_data(context, event):
    """``{% event_card_data event as card %}``: what a card shows of an event page."""
    return representation.event_card(event, context.get("request"))


@register.simple_tag(takes_context=True)
def calendar_links(context, event):
    """``{% calendar_links page as links %}``: add-to-calendar URLs (Google, Outlook)."""
    return links.calendar_links(representation.event_core(event, context.get("request")))


@register.filter
def map_url(venue):
    """An OpenStreetMap link to a venue (a record or its representation), or ""."""
    if venue is None:
        return ""
    if not isinstance(venue, dict):
        venue = representation.venue(venue)
    return links.map_url(venue)


@register.simple_tag
def rencontres_stylesheets():
    """``<link>`` tags of the package's stylesheet and the site's own (settings)."""
    sheets = [conf.get_setting("STYLESHEET"), conf.get_setting("EXTRA_STYLESHEET")]
    return format_html_join(
        "\n", '<link rel="stylesheet" href="{}">', ((_asset_url(s),) for s in sheets if s)
    )


@register.simple_tag
def rencontres_logo(alt):
    """The site's logo (``WAGTAILRENCONTRES_LOGO``) as an ``<img>`` named ``alt``, or ""."""
    logo = conf.get_setting("LOGO")
    if not logo:
        return ""
    return format_html(
        '<img class="rencontres-header__logo" src="{}" alt="{}">', _asset_url(logo), alt
    )


def _asset_url(path):
    """A static file's URL; absolute URLs and paths from the root are kept."""
    return path if path.startswith(("http://", "https://", "/")) else static(path)


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
