"""Admin results of an event's satisfaction survey: counts, averages, free texts, CSV.

The answers are anonymous, so whoever can edit the event page sees them;
sending the survey mails needs ``wagtail_rencontres.manage_registrations``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from wagtail_rencontres.admin_views import _check
from wagtail_rencontres.services import survey

app_name = "wagtail_rencontres_survey"


def _event(request, event_id):
    """The event page whose survey the user may read (an event with survey questions)."""
    page = get_object_or_404(Page, pk=event_id).specific
    if not hasattr(page, "survey_questions"):
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def results_view(request, event_id):
    """The survey's results: per question, counts per choice, average or the texts given."""
    event = _event(request, event_id)
    return TemplateResponse(
        request,
        "wagtail_rencontres/admin/survey_results.html",
        {
            "event": event,
            "page_title": _("Satisfaction survey: %(title)s") % {"title": event.title},
            "header_icon": "list-ul",
            "results": survey.results(event),
            "can_send": request.user.has_perm("wagtail_rencontres.manage_registrations"),
        },
    )


def csv_view(request, event_id):
    """The responses as CSV, streamed: one line per response, one column per question."""
    event = _event(request, event_id)
    response = StreamingHttpResponse(survey.csv_rows(event), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="survey-{event.pk}.csv"'
    return response


@require_POST
def send_view(request, event_id):
    """Send the survey now to the present registrants not mailed yet (ended events only)."""
    _check(request)
    event = _event(request, event_id)
    if event.temporal_status != "past":
        messages.error(request, _("The survey is sent once the event has ended."))
    else:
        sent = survey.send_for(event)
        messages.success(request, _("Survey mails sent: %(count)s.") % {"count": sent})
    return redirect("wagtail_rencontres_survey:results", event.pk)


urlpatterns = [
    path("<int:event_id>/", results_view, name="results"),
    path("<int:event_id>/responses.csv", csv_view, name="csv"),
    path("<int:event_id>/send/", send_view, name="send"),
]
