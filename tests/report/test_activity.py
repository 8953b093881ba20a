import datetime as dt

import pytest

from wagtail_rencontres.enums import OrganisationKind
from wagtail_rencontres.models import SurveyResponse
from wagtail_rencontres.relations.models import SurveyQuestion
from wagtail_rencontres.services import activity
from wagtail_rencontres.services.registration import retention

pytestmark = pytest.mark.django_db

START, END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)


def events():
    return activity.held_events(START, END)


def test_totals_count_events_held_registered_present_and_waiting(year):
    assert activity.totals(events()) == {
        "events": 2,
        "registered": 6,
        "present": 4,
        "no_show_rate": 33.3,
        "waiting": 1,
    }


def test_each_event_counts_its_own_registrants_and_everyone_present(year):
    rows = [(e.title, e.registered, e.present, e.waiting) for e in activity.per_event(events())]
    assert rows == [(year["march"].title, 3, 3, 1), (year["june"].title, 2, 2, 0)]


def test_participants_by_audience_category_with_the_uncategorised_last(year):
    assert activity.by_audience(events()) == [
        {"name": "Agents de l'État", "registered": 2, "present": 1},
        {"name": "Élus", "registered": 3, "present": 3},
        {"name": None, "registered": 1, "present": 0},
    ]


def test_participants_by_organisation_as_typed(year):
    assert activity.by_organisation(events()) == [
        {"name": "Ville de Dijon", "registered": 3, "present": 3},
        {"name": "Préfecture", "registered": 2, "present": 1},
        {"name": "=SUM(A1)", "registered": 1, "present": 0},
    ]


def test_participants_by_type_of_organisation_most_present_first(year):
    town, state = OrganisationKind.LOCAL_AUTHORITY, OrganisationKind.STATE_SERVICE
    assert activity.by_organisation_kind(events()) == [
        {"kind": "local_authority", "name": town.label, "registered": 3, "present": 3},
        {"kind": "state_service", "name": state.label, "registered": 2, "present": 1},
        {"kind": "", "name": "", "registered": 1, "present": 0},
    ]


def test_participants_by_region_and_departement_of_the_venue(year):
    assert activity.by_territory(events(), ["region"]) == [
        {"region": "Bourgogne-Franche-Comté", "events": 1, "present": 3},
        {"region": "Grand Est", "events": 1, "present": 2},
    ]
    assert activity.by_territory(events(), ["department_code", "department"]) == [
        {"department_code": "21", "department": "Côte-d'Or", "events": 1, "present": 3},
        {"department_code": "67", "department": "Bas-Rhin", "events": 1, "present": 2},
    ]


def test_events_and_participants_by_month(year):
    assert activity.by_month(events()) == [
        {"month": dt.date(2025, 3, 1), "events": 1, "present": 3},
        {"month": dt.date(2025, 6, 1), "events": 1, "present": 2},
    ]


@pytest.mark.parametrize(
    ("lookup", "expected"),
    [
        ({"formats": ["forum"]}, {"events": 1, "registered": 4, "present": 3, "waiting": 1}),
        ({"themes": ["egalite"]}, {"events": 2, "registered": 6, "present": 4, "waiting": 1}),
    ],
)
def test_filters_narrow_the_events_and_their_registrations(year, lookup, expected):
    from wagtail_rencontres.services import queries

    figures = activity.totals(queries.filter_relations(events(), **lookup))
    assert {key: figures[key] for key in expected} == expected


def test_a_period_without_events_has_no_rate(year):
    assert activity.totals(activity.held_events(dt.date(2023, 1, 1), dt.date(2023, 12, 31))) == {
        "events": 0,
        "registered": 0,
        "present": 0,
        "no_show_rate": None,
        "waiting": 0,
    }


def test_the_default_period_is_the_current_year():
    assert activity.default_period(dt.date(2026, 12, 3)) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
    )


def test_figures_survive_anonymisation_except_organisations(year):
    def figures():
        return (
            activity.totals(events()),
            [(e.pk, e.registered, e.present, e.waiting) for e in activity.per_event(events())],
            activity.by_audience(events()),
            activity.by_organisation_kind(events()),
            activity.by_territory(events(), ["region"]),
            activity.by_territory(events(), ["department_code", "department"]),
            activity.by_month(events()),
        )

    before = figures()
    anonymised = retention.anonymise_expired(now=dt.datetime.now(dt.UTC), days=0)
    assert sum(anonymised.values()) == 10
    assert figures() == before
    assert activity.by_organisation(events()) == [{"name": "", "registered": 6, "present": 4}]


def test_satisfaction_averages_the_scale_answers_of_the_events_held(year):
    assert activity.satisfaction(events())["overall"] is None
    march = year["march"]
    SurveyQuestion.objects.create(page=march, label="Note", field_type="radio", choices="1,2,3,4,5")
    SurveyQuestion.objects.create(page=march, label="Avis", field_type="multiline", required=False)
    for note in ("4", "5"):
        SurveyResponse.objects.create(
            event=march, submitted_on=dt.date(2025, 3, 11), answers={"note": note, "avis": "x"}
        )
    averages = activity.satisfaction(events())
    assert (averages["overall"], averages["responses"]) == (4.5, 2)
    assert averages["by_event"][march.pk] == 4.5
