"""Admin check-in at the door: per event and day, phone-sized, one tap per person.

Every view needs the ``wagtail_rencontres.manage_registrations`` permission.
The page works as plain forms (GET search, POST taps with CSRF); a small
script adds search-as-you-type and camera scanning of QR codes where the
browser has ``BarcodeDetector``. A cycle's page lists its sessions: people
are checked in at each session (an event), cycle registrants included.
"""

import datetime as dt
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail_rencontres.admin_views import _check, _event
from wagtail_rencontres.forms import organisation_kind_field
from wagtail_rencontres.models import Audience
from wagtail_rencontres.services import capacity, dates, queries
from wagtail_rencontres.services import registration as service
from wagtail_rencontres.services.attendance import certificates, checkin

app_name = "wagtail_rencontres_checkin"

#: Most people shown at once: the search narrows the list down.
LIST_SIZE = 100


class WalkInForm(forms.Form):
    """Someone registered at the door: a name at least, an address for the confirmation mail."""

    first_name = forms.CharField(label=gettext_lazy("First name"), max_length=100)
    last_name = forms.CharField(label=gettext_lazy("Last name"), max_length=100)
    email = forms.EmailField(label=gettext_lazy("Email"), required=False)
    organisation = forms.CharField(
        label=gettext_lazy("Organisation"), max_length=255, required=False
    )
    organisation_kind = organisation_kind_field()
    function = forms.CharField(label=gettext_lazy("Function"), max_length=255, required=False)
    audience = forms.ModelChoiceField(
        label=gettext_lazy("Audience category"), queryset=Audience.objects.none(), required=False
    )

    def __init__(self, *args, locale_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audience"].queryset = Audience.objects.filter(locale_id=locale_id)

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str) and "\x00" in value:
                self.add_error(name, _("This text contains a character that is not allowed."))
        return cleaned


def _day(event, value):
    """The day asked for, if it is one of the event's days; else today or the first day."""
    try:
        day = dt.date.fromisoformat(value or "")
    except ValueError:
        return checkin.default_day(event)
    return day if day in checkin.event_days(event) else checkin.default_day(event)


def _back(event, day, query="", **last):
    params = {"day": day.isoformat(), **({"q": query} if query else {}), **last}
    return reverse(f"{app_name}:list", args=[event.pk]) + "?" + urlencode(params)


def checkin_view(request, event_id):
    """The check-in list of an event's day; for a cycle, the list of its sessions."""
    _check(request)
    event = _event(event_id)
    if capacity.is_cycle(event):
        sessions = (
            queries.event_model()
            .objects.filter(pk__in=capacity.session_ids(event))
            .order_by("start", "pk")
        )
        return TemplateResponse(
            request,
            "wagtail_rencontres/admin/checkin_cycle.html",
            {
                "event": event,
                "sessions": sessions,
                "page_title": _("Check-in: %(title)s") % {"title": event.title},
                "header_icon": "check",
            },
        )
    day = _day(event, request.GET.get("day"))
    query = request.GET.get("q", "").replace("\x00", "").strip()[:100]
    people = list(checkin.checkin_list(event, day, query)[: LIST_SIZE + 1])
    last = _last_action(event, day, request.GET)
    context = {
        "event": event,
        "day": day,
        "days": checkin.event_days(event),
        "q": query,
        "people": people[:LIST_SIZE],
        "more": len(people) > LIST_SIZE,
        "present": capacity.registrations_of(event)
        .filter(attendances__event_id=capacity.owner_id(event), attendances__day=day)
        .count(),
        "last": last,
        "walk_in_form": WalkInForm(locale_id=event.locale_id),
        "page_title": _("Check-in: %(title)s") % {"title": event.title},
        "header_icon": "check",
        "timezone": event.timezone,
    }
    template = "wagtail_rencontres/admin/checkin.html"
    if request.GET.get("partial") == "list":
        template = "wagtail_rencontres/admin/includes/checkin_list.html"
    return TemplateResponse(request, template, context)


def _last_action(event, day, params):
    """The outcome of the previous tap, shown with its undo: ``{person, did, at}`` or ``None``."""
    did = params.get("did", "")
    last_id = params.get("last", "")
    if did not in ("in", "already", "out", "walk_in") or not last_id.isdigit():
        return None
    person = checkin.checkin_list(event, day).filter(pk=int(last_id)).first()
    if person is None:
        return None
    at = person.checked_in_at
    return {"person": person, "did": did, "at": dates.to_local(at, event.timezone) if at else None}


@require_POST
def tap_view(request, event_id):
    """Mark one person present or absent (``action``), by id or by the code of their QR code."""
    _check(request)
    event = _event(event_id)
    day = _day(event, request.POST.get("day"))
    query = request.POST.get("q", "")[:100]
    code = request.POST.get("code")
    try:
        if code is not None:
            person = checkin.registration_on_list(event, code=code.replace("\x00", ""))
        else:
            raw = request.POST.get("registration", "")
            person = checkin.registration_on_list(
                event, registration_id=int(raw) if raw.isdigit() and len(raw) < 12 else None
            )
    except checkin.NotOnTheList:
        messages.error(request, _("This person is not on the list of this event."))
        return redirect(_back(event, day, query))
    if request.POST.get("action") == "absent":
        checkin.check_out(person, event, day)
        return redirect(_back(event, day, query, last=person.pk, did="out"))
    _attendance, created = checkin.check_in(person, event, day, user=request.user)
    return redirect(_back(event, day, query, last=person.pk, did="in" if created else "already"))


def walk_in_view(request, event_id):
    """Register someone at the door and check them in (POST); the form alone on GET."""
    _check(request)
    event = _event(event_id)
    day = _day(event, request.GET.get("day") or request.POST.get("day"))
    form = WalkInForm(request.POST or None, locale_id=event.locale_id)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                person = checkin.walk_in(event, day, form.cleaned_data, user=request.user)
            except service.RegistrationError as error:
                form.add_error(None if error.field == "__all__" else error.field, error.message)
                status = 409
            else:
                return redirect(_back(event, day, last=person.pk, did="walk_in"))
        else:
            status = 422
    return TemplateResponse(
        request,
        "wagtail_rencontres/admin/checkin_walk_in.html",
        {
            "event": event,
            "day": day,
            "form": form,
            "page_title": _("Walk-in registration: %(title)s") % {"title": event.title},
            "header_icon": "user",
        },
        status=status,
    )


def certificate_view(request, event_id, registration_id):
    """One participant's attendance certificate, as PDF."""
    _check(request)
    event = _event(event_id)
    registration = get_object_or_404(certificates.present(event), pk=registration_id)
    return HttpResponse(
        certificates.render_pdf(registration),
        content_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{certificates.filename(registration)}"'
        },
    )


def certificates_zip_view(request, event_id):
    """Every present participant's certificate in one ZIP, streamed as each PDF is made."""
    _check(request)
    event = _event(event_id)
    response = StreamingHttpResponse(
        certificates.zip_stream(certificates.present(event)), content_type="application/zip"
    )
    name = f"attestations-{event.slug}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


urlpatterns = [
    path("<int:event_id>/", checkin_view, name="list"),
    path("<int:event_id>/tap/", tap_view, name="tap"),
    path("<int:event_id>/walk-in/", walk_in_view, name="walk_in"),
    path(
        "<int:event_id>/certificates/<int:registration_id>.pdf",
        certificate_view,
        name="certificate",
    ),
    path("<int:event_id>/certificates.zip", certificates_zip_view, name="certificates_zip"),
]
