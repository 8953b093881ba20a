"""Absolute links have one base: the Wagtail Site of the page, never the request's host.

Mails are sent by a worker, without a request; the ICS files and the API
answer requests whose Host header the visitor chooses. All of them must give
the same address for an event: the one of its Site record.
"""

import re

import pytest
from django.core import mail
from icalendar import Calendar
from wagtail.models import Site

from wagtail_rencontres.services import registration as service

pytestmark = pytest.mark.django_db

PUBLIC = "https://agenda.example.org"


@pytest.fixture
def public_site(db):
    Site.objects.filter(is_default_site=True).update(hostname="agenda.example.org", port=443)


def page_url(event):
    return PUBLIC + event.get_url_parts()[2]


def test_mail_links_and_attachment_use_the_site_address(
    public_site, open_event, register, django_capture_on_commit_callbacks
):
    event = open_event(title="Forum des quartiers")
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event)
    [message] = mail.outbox
    assert page_url(event) in message.body
    # The link's token carries a signing timestamp: read it from the mail, then
    # check it opens this registration, rather than signing a second one.
    link = re.search(re.escape(page_url(event) + "registration/") + r"([\w-]+)/", message.body)
    assert link, message.body
    assert service.unsign_token(link.group(1)) == str(registration.token)
    [(_, content, _)] = [a for a in message.attachments if a[0] == "event.ics"]
    [vevent] = Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["URL"]) == page_url(event)


def test_ics_and_api_ignore_the_host_header(public_site, settings, client, open_event):
    settings.ALLOWED_HOSTS = ["*"]
    event = open_event()
    ics = client.get(f"/rencontres/ics/events/{event.pk}.ics", HTTP_HOST="forged.example")
    [vevent] = Calendar.from_ical(b"".join(ics.streaming_content)).walk("VEVENT")
    api = client.get(f"/api/rencontres/events/{event.pk}", HTTP_HOST="forged.example")
    assert (ics.status_code, api.status_code) == (200, 200)
    assert str(vevent["URL"]) == page_url(event)
    assert api.json()["url"] == page_url(event)
