"""Value shapes shared by every representation: dates, rich text, images, URLs, files."""

import datetime as dt

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.rich_text import expand_db_html

from wagtail_rencontres import conf
from wagtail_rencontres.services import dates


def iso(value, tz_name=None):
    """ISO 8601 with offset, in ``tz_name`` when given."""
    if value is None:
        return None
    if tz_name:
        value = dates.to_local(value, tz_name)
    return value.isoformat()


def from_iso(value, tz_name=None):
    """The aware datetime of an :func:`iso` string, in ``tz_name`` when given."""
    if value is None:
        return None
    moment = dt.datetime.fromisoformat(value)
    return moment.astimezone(dates.get_zone(tz_name)) if tz_name else moment


def page_url(page, request=None):
    """The URL rule: a page's full URL, on the site that serves the request."""
    return page.get_full_url(request)


def rich_text(value):
    """Rich text (a RichTextField string or a RichText block value) as public HTML."""
    if not value:
        return ""
    source = getattr(value, "source", value)
    return expand_db_html(source)


#: The renditions the package's templates ask for: an event's or a cycle's
#: image, speakers' photos, partners' logos. Prefetched with the API's, so
#: that a page reads them in the same query.
TEMPLATE_RENDITIONS = ("width-960", "fill-192x192", "max-240x96")


def rendition_specs():
    return conf.get_setting("API_RENDITIONS")


def _prefetched_specs():
    return list(dict.fromkeys([*rendition_specs().values(), *TEMPLATE_RENDITIONS]))


def image_queryset():
    """Images with the renditions of ``API_RENDITIONS`` and the templates', for ``Prefetch``."""
    return get_image_model().objects.prefetch_renditions(*_prefetched_specs())


def renditions_prefetch(lookup):
    """The renditions of :func:`image_queryset`, for images ``select_related`` at ``lookup``.

    One query for the renditions, none for the images, which come with their rows.
    """
    renditions = get_image_model().get_rendition_model().objects
    return Prefetch(
        f"{lookup}__renditions",
        queryset=renditions.filter(filter_spec__in=_prefetched_specs()),
        to_attr="prefetched_renditions",
    )


def image(obj):
    """An image with its original and the configured renditions."""
    if obj is None:
        return None
    specs = rendition_specs()
    renditions = obj.get_renditions(*specs.values()) if specs else {}
    return {
        "id": obj.pk,
        "title": obj.title,
        "width": obj.width,
        "height": obj.height,
        "url": obj.file.url,
        "renditions": {
            name: {
                "url": renditions[spec].url,
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in specs.items()
        },
    }


def stream_items(stream):
    """Documents, links and recordings of a StreamField as flat items."""
    items = []
    for block in stream or []:
        value = block.value
        item = {"type": block.block_type, "id": block.id}
        if block.block_type == "link":
            item.update({"title": value["label"], "url": value["url"]})
        elif block.block_type == "recording":
            embed = value["embed"]
            item.update({"title": value["title"], "url": getattr(embed, "url", str(embed or ""))})
        else:
            document = value["document"]
            if document is None:
                continue
            item.update(
                {
                    "title": value["title"] or document.title,
                    "url": document.url,
                    "file_extension": document.file_extension,
                }
            )
        items.append(item)
    return items
