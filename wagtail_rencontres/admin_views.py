"""Admin views for registrations: per-event list, actions, exports and attendance sheet.

The same views serve cycles (registrations to every session). An event's
views include the registrants of the cycles it belongs to, marked “via the
cycle …”: they hold a place at the event too.

Every view needs the ``wagtail_rencontres.manage_registrations`` permission:
registrants' personal data stay hidden from other editors.
"""

import csv
import datetime as dt
import tempfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from openpyxl import Workbook
from wagtail.models import Page

from wagtail_rencontres.enums import MailStatus, RegistrationStatus
from wagtail_rencontres.models import RegistrationMail
from wagtail_rencontres.pages.registration import RegistrationPageMixin
from wagtail_rencontres.services import capacity, dates, queries
from wagtail_rencontres.services import registration as service

PERMISSION = "wagtail_rencontres.manage_registrations"
PAGE_SIZE = 50

app_name = "wagtail_rencontres_registrations"


def _check(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _event(event_id):
    """The event or cycle page whose registrations are managed."""
    page = get_object_or_404(Page, pk=event_id).specific
    if not isinstance(page, RegistrationPageMixin):
        raise Http404
    return page


def filtered_registrations(event, params):
    """The event's registrations filtered by ``status`` and searched with ``q``, in the database.

    Each registration made through a cycle has ``via_cycle``: the cycle's title
    (``""`` for the event's own registrations), and ``days_present``: the days
    it was checked in at the event (for a cycle: at any of its sessions), from
    the same query.
    """
    owner = capacity.owner_id(event)
    registrations = (
        capacity.registrations_of(event)
        .select_related("audience")
        .annotate(
            via_cycle=Case(
                When(page_id=owner, then=Value("")),
                default=F("page__title"),
                output_field=CharField(),
            ),
            days_present=Count(
                "attendances",
                filter=None if capacity.is_cycle(event) else Q(attendances__event_id=owner),
            ),
        )
    )
    status = params.get("status", "")
    if status in RegistrationStatus.values:
        registrations = registrations.filter(status=status)
    query = params.get("q", "").strip()
    if query:
        registrations = registrations.filter(
            Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
            | Q(organisation__icontains=query)
        )
    return registrations.order_by("submit_time", "pk")


def counts_by_status(event):
    """``{status: count}`` of the event's registrations, cycle registrants included."""
    counts = dict.fromkeys(RegistrationStatus.values, 0)
    for row in capacity.registrations_of(event).values("status").annotate(total=Count("pk")):
        counts[row["status"]] = row["total"]
    return counts


def registrations_view(request, event_id):
    _check(request)
    event = _event(event_id)
    registrations = filtered_registrations(event, request.GET)
    page_obj = Paginator(registrations, PAGE_SIZE).get_page(request.GET.get("p"))
    counts = counts_by_status(event)
    sessions = capacity.workshop_sessions(event)
    places = capacity.workshop_places_left(sessions, capacity.workshop_seats_taken(event))
    for registration in page_obj.object_list:
        registration.workshop_titles = [
            sessions[key].title if key in sessions else key for key in registration.workshops
        ]
    return TemplateResponse(
        request,
        "wagtail_rencontres/admin/registrations.html",
        {
            "event": event,
            "page_title": _("Registrations: %(title)s") % {"title": event.title},
            "header_icon": "group",
            "page_obj": page_obj,
            "registrations": page_obj.object_list,
            "counts": [
                (value, label, counts[value]) for value, label in RegistrationStatus.choices
            ],
            "seats_taken": sum(counts[s] for s in RegistrationStatus.seat_holding()),
            "capacity": event.registration_capacity,
            "is_cycle": capacity.is_cycle(event),
            "status_choices": RegistrationStatus.choices,
            "status": request.GET.get("status", ""),
            "q": request.GET.get("q", ""),
            "workshops": [
                {"title": session.title, "capacity": session.capacity, "left": places[key]}
                for key, session in sessions.items()
            ],
            "failed_mails": RegistrationMail.objects.filter(
                registration__page_id=capacity.owner_id(event), status=MailStatus.FAILED
            ).select_related("registration"),
            "query_string": request.GET.urlencode(),
        },
    )


ACTIONS = {
    "promote": service.promote,
    "cancel": service.cancel,
    "approve": service.approve,
    "refuse": service.refuse,
}


@require_POST
def registration_action(request, event_id):
    _check(request)
    event = _event(event_id)
    action = request.POST.get("action")
    back = reverse(f"{app_name}:list", args=[event.pk])
    if request.POST.get("next_query"):
        back += "?" + request.POST["next_query"]
    ids = [value for value in request.POST.getlist("registration") if value.isdigit()]
    registrations = (
        capacity.registrations_of(event).filter(pk__in=ids).order_by("submit_time", "pk")
    )
    if action == "retry_mails":
        count = service.retry(
            RegistrationMail.objects.filter(
                registration__page_id=capacity.owner_id(event), status=MailStatus.FAILED
            )
        )
        messages.success(request, ngettext("%d mail queued.", "%d mails queued.", count) % count)
        return redirect(back)
    if action not in ACTIONS:
        messages.error(request, _("Unknown action."))
        return redirect(back)
    done = 0
    for registration in registrations:
        try:
            if ACTIONS[action](registration) is not False:
                done += 1
        except service.RegistrationError as error:
            messages.error(request, f"{registration}: {error.message}")
    messages.success(
        request, ngettext("%d registration updated.", "%d registrations updated.", done) % done
    )
    return redirect(back)


def export_columns(event):
    """Column titles and a function turning a registration into a row."""
    sessions = capacity.workshop_sessions(event)
    questions = list(event.registration_fields.values_list("clean_name", "label"))
    titles = [
        _("Number"),
        _("Registered at"),
        _("Status"),
        _("Last name"),
        _("First name"),
        _("Email"),
        _("Organisation"),
        _("Type of organisation"),
        _("Function"),
        _("Audience category"),
        _("Workshops"),
        _("Registered via the cycle"),
        _("Days present"),
        *(label for _name, label in questions),
        _("Consent version"),
        _("Consent given at"),
    ]

    def row(registration):
        answers = registration.form_data or {}
        return [
            registration.pk,
            _local(registration.submit_time, event.registration_timezone),
            str(registration.get_status_display()),
            registration.last_name,
            registration.first_name,
            registration.email,
            registration.organisation,
            str(registration.get_organisation_kind_display()),
            registration.function,
            str(registration.audience) if registration.audience else "",
            ", ".join(
                sessions[key].title if key in sessions else key for key in registration.workshops
            ),
            getattr(registration, "via_cycle", ""),
            getattr(registration, "days_present", 0),
            *(_cell(answers.get(name, "")) for name, _label in questions),
            registration.consent_version,
            _local(registration.consent_at, event.registration_timezone),
        ]

    return titles, row


def _local(value, tz_name):
    local = dates.to_local(value, tz_name) if value else None
    return local.strftime("%Y-%m-%d %H:%M") if local else ""


def _cell(value):
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


class _Echo:
    def write(self, value):
        return value


def _filename(event, extension):
    return f"inscriptions-{event.slug}-{timezone.localdate():%Y%m%d}.{extension}"


def export_csv(request, event_id):
    """Stream the filtered registrations as CSV (UTF-8 with BOM, for spreadsheet software)."""
    _check(request)
    event = _event(event_id)
    titles, row = export_columns(event)
    writer = csv.writer(_Echo(), delimiter=";")

    def rows():
        yield "\ufeff" + writer.writerow(titles)
        for registration in filtered_registrations(event, request.GET).iterator(chunk_size=500):
            yield writer.writerow(_safe(row(registration)))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(event, "csv")}"'
    return response


def _safe(values):
    # Cells starting with = + - @ run as formulas in spreadsheets: neutralise them.
    return [
        "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value
        for value in values
    ]


def export_xlsx(request, event_id):
    """Stream the filtered registrations as XLSX, written row by row (openpyxl write-only)."""
    _check(request)
    event = _event(event_id)
    titles, row = export_columns(event)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(_("Registrations"))[:31])
    sheet.append([str(title) for title in titles])
    for registration in filtered_registrations(event, request.GET).iterator(chunk_size=500):
        sheet.append(_safe(row(registration)))
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by FileResponse
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=_filename(event, "xlsx"),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def attendance_sheet(request, event_id):
    """A printable attendance sheet (feuille d'émargement): one signature cell per day."""
    _check(request)
    event = _event(event_id)
    days = attendance_days(event)
    registrations = (
        capacity.registrations_of(event)
        .filter(status__in=RegistrationStatus.seat_holding())
        .select_related("audience")
        .order_by("last_name", "first_name", "pk")
    )
    return TemplateResponse(
        request,
        "wagtail_rencontres/admin/attendance_sheet.html",
        {"event": event, "days": days, "registrations": registrations},
    )


def attendance_days(page):
    """Local days of the event, or of every session of a cycle, in order."""
    if capacity.is_cycle(page):
        events = queries.event_model().objects.filter(pk__in=capacity.session_ids(page))
    else:
        events = [page]
    days = set()
    for event in events:
        first, last = dates.local_days(event.start, event.end, event.timezone)
        days.update(first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return sorted(days)


urlpatterns = [
    path("<int:event_id>/", registrations_view, name="list"),
    path("<int:event_id>/action/", registration_action, name="action"),
    path("<int:event_id>/export.csv", export_csv, name="export_csv"),
    path("<int:event_id>/export.xlsx", export_xlsx, name="export_xlsx"),
    path("<int:event_id>/attendance/", attendance_sheet, name="attendance"),
]
