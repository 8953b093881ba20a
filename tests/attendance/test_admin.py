import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.attendance.conftest import FUTURE_DAY
from tests.factories import paris
from tests.sites import default_language, site_text
from wagtail_rencontres.models import Attendance, Registration
from wagtail_rencontres.services.attendance import checkin, codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("steward", "steward@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def steward(editor, client):
    editor.user_permissions.add(Permission.objects.get(codename="manage_registrations"))
    client.force_login(editor)
    return editor


#: "Present since %(time)s", before its time, in each site's default language.
PRESENT_SINCE = {"fr": "Présent·e depuis", "en": "Present since"}
#: The export's column; its French is also that of the certificates' "Days attended".
DAYS_PRESENT = {"fr": "Jours de présence", "en": "Days present"}


def url(name, event, query=""):
    return reverse(f"wagtail_rencontres_checkin:{name}", args=[event.pk]) + query


def tap(client, event, person, action="present", **extra):
    data = {"registration": person.pk, "day": FUTURE_DAY.isoformat(), "action": action, **extra}
    return client.post(url("tap", event), data)


@pytest.mark.parametrize("name", ["list", "walk_in"])
def test_check_in_needs_the_registration_permission(client, editor, open_event, name):
    client.force_login(editor)
    response = client.get(url(name, open_event()))
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_tap_needs_the_permission_and_a_post(client, editor, open_event, register):
    event = open_event()
    person = register(event, 1)
    client.force_login(editor)
    assert tap(client, event, person).status_code == 302
    assert Attendance.objects.count() == 0
    editor.user_permissions.add(Permission.objects.get(codename="manage_registrations"))
    assert client.get(url("tap", event)).status_code == 405


def test_one_tap_checks_in_and_a_second_says_when(client, steward, open_event, register):
    event = open_event()
    person = register(event, 1)
    response = tap(client, event, person)
    assert response.status_code == 302
    assert "did=in" in response["Location"]
    page = client.get(response["Location"])
    attendance = Attendance.objects.get()
    assert attendance.checked_in_by == steward
    local = attendance.checked_in_at.astimezone(dt.UTC).astimezone(paris(FUTURE_DAY, 9).tzinfo)
    assert site_text(f"Camille1 Martin1 est arrivé·e à {local:%H:%M}.") in page.content.decode()
    again = tap(client, event, person)
    assert "did=already" in again["Location"]
    text = client.get(again["Location"]).content.decode()
    assert site_text(f"Camille1 Martin1 était déjà arrivé·e à {local:%H:%M}.") in text
    assert Attendance.objects.count() == 1


def test_undo_marks_absent(client, steward, open_event, register):
    event = open_event()
    person = register(event, 1)
    tap(client, event, person)
    response = tap(client, event, person, action="absent")
    assert "did=out" in response["Location"]
    assert Attendance.objects.count() == 0


def test_code_typed_or_scanned_checks_in(client, steward, open_event, register):
    event = open_event()
    person = register(event, 1)
    day = FUTURE_DAY.isoformat()
    response = client.post(url("tap", event), {"code": codes.checkin_code(person), "day": day})
    assert "did=in" in response["Location"]
    forged = client.post(url("tap", event), {"code": "abc:def\x00", "day": day}, follow=True)
    not_listed = site_text("Cette personne n’est pas sur la liste de cet évènement.")
    assert not_listed in forged.content.decode()
    assert Attendance.objects.count() == 1


def test_search_is_a_get_form_filtered_by_the_server(client, steward, open_event, register):
    event = open_event()
    register(event, 1, last_name="Zola")
    register(event, 2, last_name="Hugo")
    response = client.get(url("list", event, "?q=zol"))
    text = response.content.decode()
    assert (response.status_code, "Zola" in text, "Hugo" in text) == (200, True, False)
    partial = client.get(url("list", event, "?q=hug&partial=list")).content.decode()
    assert ("<html" in partial, "Hugo" in partial) == (False, True)


def test_bad_day_and_odd_input_never_fail(client, steward, open_event, register):
    event = open_event()
    person = register(event, 1)
    for query in ("?day=99999-01-01", "?day=\x00", "?q=%00", "?last=999999999999999999&did=in"):
        assert client.get(url("list", event, query)).status_code == 200
    assert tap(client, event, person, day="2001-01-01").status_code == 302
    assert Attendance.objects.get().day == FUTURE_DAY
    response = client.post(url("tap", event), {"registration": "9" * 40, "day": "x"})
    assert response.status_code == 302


def test_walk_in_registers_and_checks_in(client, steward, open_event):
    event = open_event(registration_capacity=1)
    data = {
        "first_name": "Léa",
        "last_name": "Roux",
        "email": "lea@example.org",
        "organisation_kind": "citizens_council",
        "day": "",
    }
    response = client.post(url("walk_in", event), data)
    assert response.status_code == 302
    walker = Registration.objects.get(page_id=event.pk)
    assert walker.organisation_kind == "citizens_council"
    assert Attendance.objects.get().registration == walker
    full = client.post(url("walk_in", event), {**data, "email": "other@example.org"})
    assert full.status_code == 409
    assert site_text("Plus de place : l’évènement est complet.") in full.content.decode()
    bad = client.post(url("walk_in", event), {"first_name": "A\x00", "last_name": ""})
    assert bad.status_code == 422


def test_cycle_page_lists_its_sessions(client, steward, open_event, open_cycle):
    first, second = open_event(title="Séance 1"), open_event(title="Séance 2")
    cycle = open_cycle([first, second])
    text = client.get(url("list", cycle)).content.decode()
    assert (url("list", first) in text, url("list", second) in text) == (True, True)


@pytest.mark.parametrize("people", [1, 30])
def test_check_in_list_queries_do_not_grow_with_people(
    client, steward, open_event, register, people
):
    event = open_event()
    for n in range(people):
        person = register(event, n)
        checkin.check_in(person, event, FUTURE_DAY)
    client.get(url("list", event))  # warm the caches (site, locales)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("list", event))
    assert response.status_code == 200
    assert response.content.decode().count(PRESENT_SINCE[default_language()]) == people
    # Session, user, permissions, page, site, locale, list, count: the same for 1 or 30.
    assert len(queries) == 14, [query["sql"] for query in queries]


def test_days_present_in_the_registrations_list_and_exports(
    client, steward, open_event, open_cycle, register
):
    event = open_event(end=paris(FUTURE_DAY + dt.timedelta(days=1), 17))
    cycle = open_cycle([event])
    person, via_cycle = register(event, 1), register(cycle, 2)
    checkin.check_in(person, event, FUTURE_DAY)
    checkin.check_in(person, event, FUTURE_DAY + dt.timedelta(days=1))
    checkin.check_in(via_cycle, event, FUTURE_DAY)
    listing = reverse("wagtail_rencontres_registrations:list", args=[event.pk])
    text = client.get(listing).content.decode()
    assert text.count('<td class="rencontres-days-present">') == 2
    assert '<td class="rencontres-days-present">2 <a' in text
    export = reverse("wagtail_rencontres_registrations:export_csv", args=[event.pk])
    rows = [
        line.split(";")
        for line in b"".join(client.get(export).streaming_content).decode("utf-8-sig").splitlines()
    ]
    column = rows[0].index(DAYS_PRESENT[default_language()])
    assert [row[column] for row in rows[1:]] == ["2", "1"]
    cycle_export = reverse("wagtail_rencontres_registrations:export_csv", args=[cycle.pk])
    cycle_rows = b"".join(client.get(cycle_export).streaming_content).decode("utf-8-sig")
    assert cycle_rows.splitlines()[1].split(";")[column] == "1"
