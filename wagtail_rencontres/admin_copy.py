"""Admin view "Copy for next year": asks for the new start date, then copies the event.

The work is :func:`wagtail_rencontres.services.copying.copy_for_next_year`;
this view checks Wagtail's copy permission, runs Wagtail's
``before_copy_page`` and ``after_copy_page`` hooks around it as Wagtail's own
copy view does, and opens the copy in the editor.
"""

import datetime as dt

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.models import Page

from wagtail_rencontres.services import copying, queries

app_name = "wagtail_rencontres_copy"


class NextEditionForm(forms.Form):
    """The new start date (in the event's timezone) and title of the copy."""

    start_date = forms.DateField(
        label=gettext_lazy("New start date"),
        # The browser's own date input: Wagtail's AdminDateInput calls its script
        # inline, before a generic admin page has loaded it ("initDateChooser is
        # not defined").
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy(
            "Every date moves by the same number of days: programme days, end, "
            "registration opening and deadline. Times stay as they are."
        ),
    )
    title = forms.CharField(label=gettext_lazy("New title"), max_length=255)


def copyable_event(request, page_id):
    """The event ``page_id``, if the user may copy it beside itself."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, queries.event_model()):
        raise Http404
    if not page.permissions_for_user(request.user).can_copy_to(page.get_parent()):
        raise PermissionDenied
    return page


def next_edition_initial(event):
    """Same weekday a year later (52 weeks), the title with the new year."""
    start = event.local_start.date() + dt.timedelta(weeks=52)
    return {
        "start_date": start,
        "title": copying.next_title(event.title, event.local_start.year, start.year),
    }


def copy_view(request, page_id):
    event = copyable_event(request, page_id)
    for hook in hooks.get_hooks("before_copy_page"):
        result = hook(request, event)
        if hasattr(result, "status_code"):
            return result
    form = NextEditionForm(request.POST or None, initial=next_edition_initial(event))
    if request.method == "POST" and form.is_valid():
        copy = copying.copy_for_next_year(
            event,
            form.cleaned_data["start_date"],
            user=request.user,
            title=form.cleaned_data["title"],
        )
        for hook in hooks.get_hooks("after_copy_page"):
            result = hook(request, event, copy)
            if hasattr(result, "status_code"):
                return result
        messages.success(
            request, _("Event “%(title)s” copied for its next edition.") % {"title": copy.title}
        )
        return redirect("wagtailadmin_pages:edit", copy.pk)
    return TemplateResponse(
        request,
        "wagtail_rencontres/admin/copy_next_year.html",
        {
            "event": event,
            "form": form,
            "page_title": _("Copy for next year: %(title)s") % {"title": event.title},
            "header_title": _("Copy for next year: %(title)s") % {"title": event.title},
            "action_url": reverse(f"{app_name}:copy", args=[event.pk]),
        },
    )


urlpatterns = [path("<int:page_id>/", copy_view, name="copy")]
