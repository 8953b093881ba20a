import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from wagtail import hooks

from tests.sites import default_language
from wagtail_rencontres import conf, viewsets
from wagtail_rencontres.admin_webhooks import WebhookDeliveryViewSet
from wagtail_rencontres.enums import OrganisationKind, RegistrationStatus
from wagtail_rencontres.models import Registration

pytestmark = pytest.mark.django_db

NAMES = ["list", "export_csv", "export_xlsx", "attendance"]


@pytest.fixture
def editor(django_user_model):
    """A Wagtail editor (admin access) without the registration permission."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def manager(editor):
    editor.user_permissions.add(Permission.objects.get(codename="manage_registrations"))
    return editor


@pytest.fixture
def filled_event(open_event, register):
    event = open_event(registration_capacity=2, slug="forum")
    register(event, 1, first_name="=HYPERLINK(1)", organisation_kind="social_landlord")
    register(event, 2)
    register(event, 3)
    return event


def url(name, event, query=""):
    return reverse(f"wagtail_rencontres_registrations:{name}", args=[event.pk]) + query


@pytest.mark.parametrize("name", NAMES)
def test_personal_data_need_the_permission(client, editor, filled_event, name):
    client.force_login(editor)
    response = client.get(url(name, filled_event))
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard.
    assert (response.status_code, response["Location"]) == (302, "/admin/")


@pytest.mark.parametrize("name", NAMES)
def test_anonymous_is_sent_to_login(client, filled_event, name):
    response = client.get(url(name, filled_event))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_registrations_view_counts_and_search(client, manager, filled_event):
    client.force_login(manager)
    response = client.get(url("list", filled_event))
    assert response.status_code == 200
    counts = {value: count for value, _label, count in response.context["counts"]}
    assert counts == {
        "confirmed": 2,
        "waitlisted": 1,
        "pending": 0,
        "approved": 0,
        "refused": 0,
        "cancelled": 0,
    }
    assert response.context["seats_taken"] == 2
    response = client.get(url("list", filled_event, "?q=camille2"))
    assert [r.email for r in response.context["registrations"]] == ["camille2@example.org"]
    response = client.get(url("list", filled_event, "?status=waitlisted"))
    assert [r.email for r in response.context["registrations"]] == ["camille3@example.org"]


def test_cancel_action_promotes(client, manager, filled_event):
    client.force_login(manager)
    first = Registration.objects.get(email="camille1@example.org")
    response = client.post(
        url("action", filled_event), {"action": "cancel", "registration": [first.pk]}
    )
    assert response.status_code == 302
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "camille1@example.org": "cancelled",
        "camille2@example.org": "confirmed",
        "camille3@example.org": "confirmed",
    }


def test_promote_action_without_place_reports_error(client, manager, filled_event):
    client.force_login(manager)
    waiting = Registration.objects.get(email="camille3@example.org")
    client.post(url("action", filled_event), {"action": "promote", "registration": [waiting.pk]})
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITLISTED


def test_actions_need_the_permission(client, editor, filled_event):
    client.force_login(editor)
    first = Registration.objects.get(email="camille1@example.org")
    response = client.post(
        url("action", filled_event), {"action": "cancel", "registration": [first.pk]}
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    first.refresh_from_db()
    assert first.status == RegistrationStatus.CONFIRMED


def test_csv_export(client, manager, filled_event):
    client.force_login(manager)
    response = client.get(url("export_csv", filled_event, "?status=confirmed"))
    assert response.status_code == 200
    assert response.streaming
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content), delimiter=";"))
    with translation.override(default_language()):  # the admin speaks the site's language
        titles = [gettext(t) for t in ("Number", "Registered at", "Status", "Last name")]
    assert rows[0][:4] == titles
    assert [row[5] for row in rows[1:]] == ["camille1@example.org", "camille2@example.org"]
    with translation.override(default_language()):
        kind = [gettext("Type of organisation"), str(OrganisationKind.SOCIAL_LANDLORD.label)]
    assert [rows[0][7], rows[1][7], rows[2][7]] == [*kind, ""]
    # Formula injection is neutralised.
    assert rows[1][4] == "'=HYPERLINK(1)"


def test_xlsx_export(client, manager, filled_event):
    client.force_login(manager)
    response = client.get(url("export_xlsx", filled_event))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.values)
    assert len(rows) == 4
    assert rows[3][5] == "camille3@example.org"
    with translation.override(default_language()):
        assert rows[3][2] == str(RegistrationStatus.WAITLISTED.label)


def test_attendance_sheet_lists_seat_holders_only(client, manager, filled_event):
    client.force_login(manager)
    response = client.get(url("attendance", filled_event))
    assert response.status_code == 200
    assert [r.last_name for r in response.context["registrations"]] == ["Martin1", "Martin2"]
    assert len(response.context["days"]) == 1


def test_event_listing_shows_registered_over_places(client, manager, filled_event, open_event):
    other = open_event(registration_capacity=None)
    client.force_login(manager)
    response = client.get(reverse("rencontres_events:index"))
    assert response.status_code == 200
    pages = {page.pk: page for page in response.context_data["object_list"]}
    assert (
        pages[filled_event.pk].registrations_seats_taken,
        pages[other.pk].registrations_seats_taken,
    ) == (2, 0)
    html = response.content.decode()
    assert html.count("2 / 2") == 1


def test_event_listing_counts_registrations_in_one_query(client, admin_user, open_event, register):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(admin_user)
    register(open_event(registration_capacity=3), 1)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("rencontres_events:index"))
    for n in range(4):
        register(open_event(registration_capacity=3), n + 2)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("rencontres_events:index"))

    def registration_queries(context):
        return [q for q in context.captured_queries if "rencontres_registration" in q["sql"]]

    # Wagtail's own listing queries are its business; ours stay one subquery.
    assert len(registration_queries(one)) == len(registration_queries(many)) == 1


def test_event_listing_is_built_from_classes_a_site_can_subclass():
    class SiteListing(viewsets.EventListingViewSet):
        name = "site_events"
        menu_label = "Site events"

    registered = [
        hook()
        for hook in hooks.get_hooks("register_admin_viewset")
        if hook.__module__ == "wagtail_rencontres.wagtail_hooks"
    ]
    listing = SiteListing()

    assert [type(viewset) for viewset in registered] == [
        viewsets.EventListingViewSet,
        WebhookDeliveryViewSet,
    ]
    assert (listing.model, listing.index_view_class, listing.name) == (
        conf.page_model("EventPage"),
        viewsets.EventIndexView,
        "site_events",
    )


def test_event_edit_view_has_the_registration_tab(client, admin_user, open_event):
    from wagtail_rencontres.models import RegistrationFormField

    event = open_event(registration_capacity=20)
    RegistrationFormField.objects.create(page=event, label="Besoins d'accessibilité")
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="registration_capacity"' in html
    assert 'name="registration_fields-0-label"' in html
    assert 'name="registration_consent_text"' in html
