"""The public survey page of an event, opened by the single-use link of the survey mail.

See :mod:`wagtail_rencontres.services.survey`. Answers are stored without
the registrant; the page says so.
"""

import contextlib

from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail_rencontres.models.survey import SurveyInvitation
from wagtail_rencontres.pages.base import add_base_template
from wagtail_rencontres.pages.registration_views import PRIVATE_HEADERS
from wagtail_rencontres.services import registration as registration_service
from wagtail_rencontres.services import survey

TEMPLATE = "wagtail_rencontres/pages/survey.html"


def survey_page(page, request, token):
    """GET: the survey form (or why not); POST: record the answers once, then redirect."""
    if not hasattr(page, "survey_questions"):
        raise Http404
    raw = survey.unsign_token(token)
    invitation = (
        SurveyInvitation.objects.filter(token=raw, event_id=page.pk).first() if raw else None
    )
    context = {"page": page, "form": None, "state": "form"}
    status = 200
    if invitation is None:
        context["state"], status = "invalid", 404
    elif invitation.used:
        context["state"] = "done"
    else:
        form_class = survey.form_class(page)
        form = form_class(request.POST if request.method == "POST" else None)
        if request.method == "POST":
            if registration_service.rate_limited(registration_service.client_ip(request)):
                form.is_valid()
                form.add_error(None, _("Too many attempts. Please try again later."))
                status = 429
            elif form.is_valid():
                # A second submission of the same link (a double click) records nothing.
                with contextlib.suppress(survey.AlreadyAnswered):
                    survey.submit(page, invitation.token, form.answers())
                return _private(HttpResponseRedirect(request.path + "#survey-result"))
            else:
                status = 422
        context["form"] = form
    response = TemplateResponse(request, TEMPLATE, add_base_template(context), status=status)
    return _private(response)


def _private(response):
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response
