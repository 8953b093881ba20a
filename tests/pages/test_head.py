"""An event page's JSON-LD and calendar link reach the <head> of the site's base template.

``wagtail start`` makes a ``base.html`` whose only <head> block is
``extra_css``; the example site's base has ``extra_head``; some sites have both.
"""

import datetime as dt
import re

import pytest
from django.test import override_settings

from tests.factories import paris

pytestmark = pytest.mark.django_db

JSONLD = '<script type="application/ld+json">'
CALENDAR_LINK = re.compile(r'<link rel="alternate" type="text/calendar" href="([^"]+)"')


def head_and_body(html):
    head, body = html.split("</head>", 1)
    return head, body


@pytest.fixture
def event(make_event):
    return make_event(
        title="Journée d'étude : habiter les quartiers",
        start=paris(dt.date(2027, 3, 11), 9),
        end=paris(dt.date(2027, 3, 11), 17),
    )


@pytest.mark.parametrize(
    "base_template",
    [
        "wagtail_start_base.html",  # extra_css only, as `wagtail start` makes it
        "base.html",  # the example site's: extra_head only
        "wagtail_rencontres/base.html",  # the package's default: extra_head only
        "base_with_both_head_blocks.html",  # extra_css, then extra_head
    ],
)
def test_event_metadata_is_in_the_head_once(client, event, base_template):
    with override_settings(WAGTAILRENCONTRES_BASE_TEMPLATE=base_template):
        response = client.get(event.url)
    assert response.status_code == 200
    head, body = head_and_body(response.content.decode())

    assert (head.count(JSONLD), body.count(JSONLD)) == (1, 0)
    assert [
        len(CALENDAR_LINK.findall(head)),
        len(CALENDAR_LINK.findall(body)),
    ] == [1, 0]
    assert CALENDAR_LINK.search(head).group(1) == f"/rencontres/ics/events/{event.pk}.ics"


def test_wagtail_start_base_keeps_its_own_stylesheet(client, event):
    with override_settings(WAGTAILRENCONTRES_BASE_TEMPLATE="wagtail_start_base.html"):
        head, _body = head_and_body(client.get(event.url).content.decode())

    assert "css/mysite.css" in head
    assert head.index("css/mysite.css") < head.index(JSONLD)
