"""Public registration pages, served by the routes of event and cycle pages.

See :class:`~wagtail_rencontres.pages.registration.RegistrationPageMixin`.

The HTML form gives the same answers and messages as the API
(:mod:`wagtail_rencontres.api.registration`).
"""

from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail_rencontres import records
from wagtail_rencontres.enums import RegistrationMode, RegistrationStatus
from wagtail_rencontres.forms import CORE_FIELDS
from wagtail_rencontres.models.registration import Registration
from wagtail_rencontres.pages.base import add_base_template
from wagtail_rencontres.services import capacity, clock, programme
from wagtail_rencontres.services import registration as service
from wagtail_rencontres.services.attendance import certificates, codes

RESULT_PARAM = "registration"


def event_page(page, request, *args, **kwargs):
    """Render the event page; on POST, take a registration (then redirect: POST/redirect/GET)."""
    state = page.registration_state()
    form = None
    status = 200
    if page.registration_mode == RegistrationMode.INTERNAL and state["is_open"]:
        # The form's audiences, read first, serve the programme's restricted sessions too.
        audiences = service.locale_audiences(page)
        with records.known(audiences):
            days = _programme(page)
        form_class = service.form_class(page, days, audiences)
        if request.method == "POST":
            form = form_class(request.POST)
            if service.rate_limited(service.client_ip(request)):
                form.is_valid()
                form.add_error(None, _("Too many attempts. Please try again later."))
                status = 429
            elif form.is_valid():
                try:
                    outcome = service.register(page, form.cleaned_data)
                except service.RegistrationError as error:
                    form.add_error(None if error.field == "__all__" else error.field, error.message)
                    status = 409 if error.field != "workshops" else 422
                else:
                    # The fragment names the focusable confirmation: browsers focus it
                    # on arrival, so that it is read first, with or without JavaScript.
                    return HttpResponseRedirect(
                        f"{page.url}?{RESULT_PARAM}={outcome.registration.status}"
                        "#registration-result"
                    )
            else:
                status = 422
        else:
            form = form_class()
    elif request.method == "POST" and page.registration_mode == RegistrationMode.INTERNAL:
        status = 409
    result = request.GET.get(RESULT_PARAM)
    result_message = (
        service.STATUS_MESSAGES[result]
        if result
        in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING)
        else ""
    )
    response = page.render(
        request,
        context_overrides={
            "registration": state,
            "registration_form": form,
            "registration_result": result_message,
        },
    )
    response.status_code = status
    return response


def _programme(page):
    """The programme with its private sessions, read once for the form and the page
    (see :func:`~wagtail_rencontres.services.programme.days_once`); a cycle has none."""
    if not hasattr(page, "programme"):
        return None
    return programme.days_once(page, include_private=True)


#: Headers of every answer of the self-service page, errors included: it shows a
#: name and an email, and its URL holds the secret that opens it. ``same-origin``
#: keeps that URL from other sites; ``no-referrer`` would make Chromium send
#: ``Origin: null`` with the page's own forms, which Django's CSRF check refuses.
PRIVATE_HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "same-origin",
}

SELF_SERVICE_TEMPLATE = "wagtail_rencontres/pages/registration_self_service.html"


def _private(response):
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def _registration_for(page, raw):
    """The registration of ``page`` with the unsigned token ``raw``, or ``None`` (erased)."""
    return (
        Registration.objects.filter(page_id=page.pk, token=raw, anonymised_at__isnull=True)
        .select_related("audience")
        .first()
    )


def _refused(page, request, expired):
    """The answer to a link that opens nothing: 410 when expired, else 404; no personal data."""
    return TemplateResponse(
        request,
        SELF_SERVICE_TEMPLATE,
        add_base_template({"page": page, "refused": "expired" if expired else "invalid"}),
        status=410 if expired else 404,
    )


#: Fields of the registration form that the self-service page does not show.
SELF_SERVICE_HIDDEN = ("consent",)


def self_service_form(page, data=None, registration=None):
    """The registration form without its consent, filled with the registration's answers."""
    form = service.form_class(page)(data, initial=_initial(registration))
    for name in SELF_SERVICE_HIDDEN:
        form.fields.pop(name, None)
    return form


def self_service(page, request, token):
    """A registrant's own page: see, update answers, email and workshops, cancel, erase data.

    Every answer carries :data:`PRIVATE_HEADERS`. A link whose signature is
    valid but whose event ended more than the configured days ago answers
    410 Gone, a forged link or an erased registration 404, each with a short
    page that names no one.
    """
    return _private(_self_service(page, request, token))


def _self_service(page, request, token):
    raw = service.unsign_token(token)
    if raw is None:
        return _refused(page, request, expired=False)
    if service.link_expired(page):
        return _refused(page, request, expired=True)
    registration = _registration_for(page, raw)
    if registration is None:
        return _refused(page, request, expired=False)
    message = ""
    form = None
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "cancel":
            service.cancel(registration)
            registration.refresh_from_db()
            message = _("Your registration is cancelled.")
        elif action == "erase":
            service.erase(registration)
            return TemplateResponse(
                request, SELF_SERVICE_TEMPLATE, add_base_template({"page": page, "erased": True})
            )
        elif action == "update":
            form = self_service_form(page, request.POST, registration)
            if not form.is_valid():
                status = 422
            else:
                try:
                    service.update(registration, form.cleaned_data)
                except service.RegistrationError as error:
                    form.add_error(None if error.field == "__all__" else error.field, error.message)
                    status = 409 if error.field != "workshops" else 422
                else:
                    registration.refresh_from_db()
                    message = _("Your registration is updated.")
                    form = None
    if form is None:
        form = self_service_form(page, registration=registration)
    editable = registration.status not in (RegistrationStatus.CANCELLED, RegistrationStatus.REFUSED)
    response = TemplateResponse(
        request,
        SELF_SERVICE_TEMPLATE,
        add_base_template(
            {
                "page": page,
                "registration": registration,
                "form": form if editable else None,
                "can_cancel": editable,
                "message": message,
                "checkin_qr": _checkin_qr(page, registration),
                "certificate_url": (
                    page.url
                    + page.reverse_subpage(
                        "registration_self_service_certificate", kwargs={"token": token}
                    ).lstrip("/")
                    if certificate_available(page, registration)
                    else ""
                ),
                "workshops": [
                    session
                    for session_id, session in capacity.workshop_sessions(page).items()
                    if session_id in registration.workshops
                ],
            }
        ),
    )
    response.status_code = status
    return response


def _checkin_qr(page, registration):
    """The QR code to show at the door, while the registrant holds a place and the event is on."""
    if not registration.holds_seat or certificate_ended(page):
        return ""
    # segno writes the whole SVG; the only text in it is our own translated title.
    return mark_safe(codes.qr_svg(registration, _("Your check-in QR code")))  # noqa: S308


def certificate_ended(page, now=None):
    """Whether the event (a cycle: its last session) is over."""
    ends_at = page.registration_ends_at
    return ends_at is not None and (now or clock.now()) >= ends_at


def certificate_available(page, registration, now=None):
    """Whether the registrant may download a certificate: the event (a cycle: its last
    session) has ended and they were checked in at least once."""
    return certificate_ended(page, now) and registration.attendances.exists()


def self_service_certificate(page, request, token):
    """The registrant's attendance certificate (PDF), through their self-service link.

    The same refusals as the self-service page; 404 before the event ends or
    without a presence.
    """
    raw = service.unsign_token(token)
    if raw is None:
        return _private(_refused(page, request, expired=False))
    if service.link_expired(page):
        return _private(_refused(page, request, expired=True))
    registration = _registration_for(page, raw)
    if registration is None or not certificate_available(page, registration):
        return _private(_refused(page, request, expired=False))
    response = HttpResponse(certificates.render_pdf(registration), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{certificates.filename(registration)}"'
    return _private(response)


def _initial(registration):
    if registration is None:
        return {}
    initial = {name: getattr(registration, name) for name in CORE_FIELDS if name != "audience"}
    initial["audience"] = registration.audience_id
    initial["workshops"] = list(registration.workshops or [])
    initial.update(registration.form_data or {})
    return initial
