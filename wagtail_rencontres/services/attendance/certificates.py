"""Attendance certificates: one PDF per registration with a presence, made by WeasyPrint.

A certificate lists the events attended (a cycle registration: every session
attended), their days and hours (:mod:`.hours`), the organiser's name, logo
and signature, and the co-funding statements. It is rendered in the
registrant's language from the overridable template
``wagtail_rencontres/certificates/attendance.html``.
"""

import datetime as dt
import zipfile
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import Site

from wagtail_rencontres import conf
from wagtail_rencontres.models import Attendance
from wagtail_rencontres.services import capacity, dates, queries
from wagtail_rencontres.services.attendance import hours

TEMPLATE = "wagtail_rencontres/certificates/attendance.html"
ZERO = dt.timedelta()


def present(page):
    """Registrations of ``page`` (an event: cycle registrants too) with a presence at it."""
    attended = Attendance.objects.all()
    if not capacity.is_cycle(page):
        attended = attended.filter(event_id=capacity.owner_id(page))
    return (
        capacity.registrations_of(page)
        .filter(pk__in=attended.values("registration_id"), anonymised_at__isnull=True)
        .order_by("last_name", "first_name", "pk")
    )


def attended(registration):
    """What the registration attended: ``[{event, days, hours, hours_label}]`` in date order."""
    by_event = {}
    for event_id, day in registration.attendances.values_list("event_id", "day"):
        by_event.setdefault(event_id, []).append(day)
    events = queries.event_model().objects.filter(pk__in=by_event).order_by("start", "pk")
    rows = []
    for event in events:
        per_day = hours.day_hours(event)
        days = sorted(by_event[event.pk])
        total = sum((per_day.get(day, ZERO) for day in days), ZERO)
        rows.append(
            {
                "event": event,
                "days": days,
                "local_start": dates.to_local(event.start, event.timezone),
                "hours": total,
                "hours_label": hours.hours_label(total),
            }
        )
    return rows


def context(registration):
    """The template's context: registrant, page, rows, total hours, organiser, funding."""
    page = registration.page.specific
    rows = attended(registration)
    total = sum((row["hours"] for row in rows), ZERO)
    funding = [page.funding_statement] if getattr(page, "funding_statement", "") else []
    funding += [
        row["event"].funding_statement
        for row in rows
        if row["event"].funding_statement and row["event"].funding_statement not in funding
    ]
    return {
        "registration": registration,
        "page": page,
        "rows": rows,
        "total_hours": hours.hours_label(total),
        "organiser": conf.get_setting("CERTIFICATE_ORGANISER") or _site_name(),
        "signatory": conf.get_setting("CERTIFICATE_SIGNATORY"),
        "logo_url": _static_uri(conf.get_setting("CERTIFICATE_LOGO")),
        "signature_url": _static_uri(conf.get_setting("CERTIFICATE_SIGNATURE")),
        "funding_statements": funding,
    }


def _site_name():
    return (
        Site.objects.filter(is_default_site=True).values_list("site_name", flat=True).first() or ""
    )


def _static_uri(name):
    """A static file's ``file://`` address, which WeasyPrint reads without a web server."""
    found = finders.find(name) if name else None
    return Path(found).as_uri() if found else ""


def render_html(registration):
    """The certificate's HTML, in the registrant's language."""
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        return render_to_string(TEMPLATE, context(registration))


def render_pdf(registration):
    """The certificate as PDF bytes."""
    # WeasyPrint is an optional dependency (the "certificates" extra): it needs
    # Pango, which sites without certificates need not install.
    import weasyprint

    return weasyprint.HTML(string=render_html(registration), base_url=".").write_pdf()


def filename(registration):
    name = slugify(f"{registration.last_name} {registration.first_name}") or str(registration.pk)
    return f"attestation-{name}-{registration.pk}.pdf"


class _Sink:
    """A write-only stream whose written bytes are taken out as they come (for streaming)."""

    def __init__(self):
        self.chunks = []

    def write(self, data):
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def take(self):
        data, self.chunks = b"".join(self.chunks), []
        return data


def zip_stream(registrations):
    """The certificates of ``registrations`` as one ZIP, yielded file by file (streamed)."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_STORED) as archive:
        for registration in registrations.iterator(chunk_size=100):
            archive.writestr(filename(registration), render_pdf(registration))
            yield sink.take()
    yield sink.take()
