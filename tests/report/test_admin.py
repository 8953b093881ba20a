import csv
import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from tests.factories import EventPageFactory, paris
from tests.report.conftest import YEAR, present, registration
from wagtail_rencontres.models import SurveyResponse
from wagtail_rencontres.relations.models import SurveyQuestion

pytestmark = pytest.mark.django_db

URL = "wagtail_rencontres_activity:index"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def manager(editor, client):
    editor.user_permissions.add(Permission.objects.get(codename="manage_registrations"))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"  # headings asserted as written; French tested apart
    profile.save()
    client.force_login(editor)
    return editor


def get(client, **query):
    return client.get(reverse(URL), query)


def test_the_report_needs_the_registration_permission(client, editor, year):
    client.force_login(editor)
    response = get(client, **YEAR)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_the_report_is_in_the_reports_menu_of_managers_only(client, editor, year):
    client.force_login(editor)
    assert reverse(URL) not in client.get(reverse("wagtailadmin_home")).content.decode()
    editor.user_permissions.add(Permission.objects.get(codename="manage_registrations"))
    assert reverse(URL) in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_page_shows_figures_charts_with_titles_and_tables(client, manager, year):
    response = get(client, **YEAR)
    assert response.status_code == 200
    totals = [(str(row["figure"]), row["value"]) for row in response.context["totals"]]
    assert totals == [
        ("Events held", 2),
        ("Registered", 6),
        ("Present", 4),
        ("No-show rate (%)", 33.3),
        ("Waiting list", 1),
    ]
    html = response.content.decode()
    assert html.count('<svg role="img"') == 4
    assert html.count("<desc id=") == 4
    assert html.count("<caption>") == 7
    assert "Participants present by type of organisation" in html
    assert year["march"].title in html
    assert "Satisfaction (average):" in " ".join(html.split())


def test_filters_by_format_and_region(client, manager, year):
    response = get(client, format=year["forum"].pk, **YEAR)
    assert [e.pk for e in response.context["object_list"]] == [year["march"].pk]
    assert response.context["totals"][1]["value"] == 4
    response = get(client, region="Grand Est", **YEAR)
    assert [e.pk for e in response.context["object_list"]] == [year["june"].pk]
    assert response.context["totals"][2]["value"] == 2


def test_bad_filter_values_do_not_fail(client, manager, year):
    response = get(client, date_from="2025-99-01", theme="x\x00", region="Atlantis")
    assert response.status_code == 200


def rows_of_csv(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_export_of_audiences(client, manager, year):
    response = get(client, table="audiences", export="csv", **YEAR)
    assert rows_of_csv(response) == [
        ["Audience category", "Registered", "Present"],
        ["Agents de l'État", "2", "1"],
        ["Élus", "3", "3"],
        ["Not given", "1", "0"],
    ]
    assert "activity-audiences-20250101-20251231.csv" in response["Content-Disposition"]


def test_csv_export_of_types_of_organisation(client, manager, year):
    response = get(client, table="organisation_kinds", export="csv", **YEAR)
    assert rows_of_csv(response) == [
        ["Type of organisation", "Registered", "Present"],
        ["Local authority", "3", "3"],
        ["State service", "2", "1"],
        ["Not given", "1", "0"],
    ]


def test_csv_export_neutralises_formulas(client, manager, year):
    rows = rows_of_csv(get(client, table="organisations", export="csv", **YEAR))
    assert rows[-1] == ["'=SUM(A1)", "1", "0"]


def test_xlsx_export_of_the_events(client, manager, year):
    response = get(client, export="xlsx", **YEAR)
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Event", "Start", "Venue", "Registered", "Present", "Waiting list"]
    assert [row[0] for row in rows[1:]] == [year["march"].title, year["june"].title]
    assert [row[3:] for row in rows[1:]] == [[3, 3, 1], [2, 2, 0]]


@pytest.mark.parametrize("table", ["totals", "regions", "departments", "months"])
def test_every_table_exports_in_both_formats(client, manager, year, table):
    csv_rows = rows_of_csv(get(client, table=table, export="csv", **YEAR))
    response = get(client, table=table, export="xlsx", **YEAR)
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert len(csv_rows) == sheet.max_row > 1


def report_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert get(client, **YEAR).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_events(client, manager, year, agenda):
    before = report_queries(client)
    for day in (11, 12, 13):
        event = EventPageFactory(
            parent=agenda,
            start=paris(year["march"].start.date().replace(day=day), 9),
            end=paris(year["march"].start.date().replace(day=day), 17),
            venue=year["march"].venue,
        )
        present(registration(event, 1), event)
    assert report_queries(client) == before


def test_satisfaction_comes_from_the_survey(client, manager, year):
    march = year["march"]
    SurveyQuestion.objects.create(page=march, label="Note", field_type="radio", choices="1,2,3,4,5")
    for note in ("4", "4", "5"):
        SurveyResponse.objects.create(
            event=march, submitted_on=dt.date(2025, 3, 11), answers={"note": note}
        )
    html = " ".join(get(client, **YEAR).content.decode().split())
    assert "Satisfaction (average): 4.3 (3 responses)" in html


def test_the_report_speaks_french(client, manager, year):
    profile = UserProfile.get_for_user(manager)
    profile.preferred_language = "fr"
    profile.save()
    response = get(client, **YEAR)
    html = response.content.decode()
    assert "Rapport d&#x27;activité" in html
    assert '<circle cx="30.0"' in html  # SVG coordinates never take a decimal comma
    assert [row["figure"] for row in response.context["totals"]] == [
        "Évènements tenus",
        "Inscrits",
        "Présents",
        "Taux d'absence (%)",
        "Liste d'attente",
    ]
    rows = rows_of_csv(get(client, table="regions", export="csv", **YEAR))
    assert rows[0] == ["Région", "Événements", "Présents"]
