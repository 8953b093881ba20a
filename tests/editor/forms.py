"""Admin form data of an event page, as the editor's browser posts it."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from wagtail_rencontres.services import queries


def session(start_time="", end_time="", title="", speakers=(), audiences=()):
    """The form data of one session (a ListBlock item)."""
    data = {
        "start_time": start_time,
        "end_time": end_time,
        "title": title,
        "format": "talk",
        "description": rich_text(""),
        "room": "",
        "capacity": "",
        "speakers": list_block([{"speaker": pk, "role": ""} for pk in speakers]),
        "restricted_audiences": list_block(list(audiences)),
    }
    return data


def list_block(values):
    """A ListBlock's form data: count, then each item's value, order and deleted flag."""
    data = {"count": len(values)}
    for index, value in enumerate(values):
        data[f"{index}-deleted"] = ""
        data[f"{index}-order"] = index
        if isinstance(value, dict):
            for key, item in value.items():
                data[f"{index}-value-{key}"] = item
        else:
            data[f"{index}-value"] = value
    return data


def day(date="", title="", sessions=()):
    return ("day", {"date": date, "title": title, "sessions": list_block(list(sessions))})


def event_form(days=(), partners=(), **overrides):
    """The whole add/edit form of an event, with ``overrides`` on its fields."""
    data = {
        "title": "Journée régionale PQN-A",
        "slug": "journee-regionale-pqn-a",
        "subtitle": "",
        "start": "2025-03-27 09:00",
        "end": "2025-03-27 16:30",
        "timezone": "Europe/Paris",
        "status": "scheduled",
        "attendance_mode": "offline",
        "registration_mode": "none",
        "objectives": streamfield([]),
        "body": streamfield([]),
        "audience_text": rich_text(""),
        "practical_info": rich_text(""),
        "programme": streamfield(list(days)),
        "documents": streamfield([]),
        "resources": streamfield([]),
        "partners": inline_formset(list(partners)),
        "registration_fields": inline_formset([]),
        "survey_questions": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(parent):
    model = queries.event_model()
    return reverse(
        "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))
