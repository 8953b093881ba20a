"""The registration form's HTML: groups, autocomplete, French times, error summary, confirmation."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.formats import date_format

from tests.registration.test_pages import form_post, self_service_path
from tests.sites import default_language
from wagtail_rencontres.forms import workshop_label
from wagtail_rencontres.services import registration as service

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def say(french, english):
    """What the site's default language says (the host site is English first)."""
    return french if default_language() == "fr" else english


def named(label, message):
    """An error that names its field, French punctuation in French."""
    return say(f"{label[0]}{NBSP}: {message[0]}", f"{label[1]}: {message[1]}")


REQUIRED = ("Ce champ est obligatoire.", "This field is required.")


def clock(hour):
    return say(f"{hour}{NBSP}h{NBSP}00", f"{hour}:00")


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def described_ids_missing(document):
    """Ids named by aria-describedby / aria-labelledby that no element has."""
    ids = {element["id"] for element in document.find_all(id=True)}
    return [
        name
        for attribute in ("aria-describedby", "aria-labelledby")
        for element in document.find_all(attrs={attribute: True})
        for name in element[attribute].split()
        if name not in ids
    ]


def test_core_fields_say_their_purpose(client, open_event):
    document = soup(client.get(open_event().url))
    autocomplete = {
        name: document.find(attrs={"name": name}).get("autocomplete")
        for name in ("first_name", "last_name", "email", "organisation", "function", "website")
    }
    assert autocomplete == {
        "first_name": "given-name",
        "last_name": "family-name",
        "email": "email",
        "organisation": "organization",
        "function": "organization-title",
        "website": "off",
    }


def test_labels_mark_required_fields(client, open_event):
    document = soup(client.get(open_event().url))
    first_name = document.find("label", attrs={"for": "id_first_name"}).get_text(" ", strip=True)
    function = document.find("label", attrs={"for": "id_function"}).get_text(" ", strip=True)
    assert first_name == say("Prénom (obligatoire)", "First name (required)")
    assert function == say("Fonction", "Function")


def test_type_of_organisation_is_an_optional_labelled_choice_in_about_you(client, open_event):
    document = soup(client.get(open_event().url))
    select = document.find("select", attrs={"name": "organisation_kind"})
    label = document.find("label", attrs={"for": select["id"]}).get_text(" ", strip=True)
    assert label == say("Type de structure", "Type of organisation")
    assert select.find_parent("fieldset").legend.get_text(strip=True) == say("Vous", "About you")
    options = [option.get_text(strip=True) for option in select.find_all("option")]
    assert options[0] == "—"
    assert say("Conseil citoyen", "Citizens' council") in options
    assert "required" not in select.attrs


def test_workshops_are_grouped_in_fieldsets_with_french_times(client, workshop_event):
    document = soup(client.get(workshop_event.url))
    legends = [legend.get_text(strip=True) for legend in document.select("form legend")]
    assert legends == [
        say("Vous", "About you"),
        say("Ateliers", "Workshops"),
        say("Sessions réservées à certains publics", "Sessions restricted to some audiences"),
    ]
    open_labels = [
        label.get_text()
        for label in document.select("form fieldset")[1].select(".rencontres-choice label")
    ]
    day = workshop_event.local_start
    with translation.override(default_language()):
        words = date_format(day, "l j F").replace(" ", NBSP)
    assert open_labels == [
        f"Atelier A — {words}, {clock(10)}{NBSP}– {clock(12)}",
        f"Atelier C — {words}, {clock(14)}{NBSP}– {clock(16)}",
    ]
    restricted = document.select("form fieldset")[2].select(".rencontres-choice label")
    restricted_to = say("réservé à : Élus", "restricted to: Élus")
    assert [label.get_text() for label in restricted] == [
        f"Atelier B — {words}, {clock(10)}{NBSP}– {clock(12)} ({restricted_to})"
    ]


def test_workshop_label_in_english_uses_the_24_hour_clock(workshop_event):
    session = service.form_class(workshop_event)().workshop_sessions["ws-c"]
    with translation.override("en"):
        label = workshop_label(session)
    assert label.endswith(f", 14:00{NBSP}– 16:00")


def test_empty_submit_lists_each_error_with_a_link_to_its_field(client, workshop_event):
    response = client.post(workshop_event.url, {})
    assert response.status_code == 422
    document = soup(response)
    summary = document.find(id="registration-errors")
    assert summary["tabindex"] == "-1"
    assert summary.find_next_sibling("script").string == (
        'document.getElementById("registration-errors").focus();'
    )
    links = [(a["href"], a.get_text()) for a in summary.find_all("a")]
    assert links == [
        ("#id_first_name", named(("Prénom", "First name"), REQUIRED)),
        ("#id_last_name", named(("Nom", "Last name"), REQUIRED)),
        ("#id_email", named(("Courriel", "Email"), REQUIRED)),
        ("#id_organisation", named(("Organisme", "Organisation"), REQUIRED)),
        ("#id_consent", named(("Consentement", "Consent"), REQUIRED)),
    ]
    for href, _text in links:
        assert document.find(id=href[1:]) is not None
    error = document.find(id="id_first_name_error").get_text()
    assert error == named(("Prénom", "First name"), REQUIRED)
    assert document.find(id="id_first_name")["aria-describedby"] == "id_first_name_error"
    assert described_ids_missing(document) == []


def test_workshop_errors_link_to_the_first_box(client, workshop_event):
    response = form_post(client, workshop_event, workshops=["ws-a", "ws-b"])
    document = soup(response)
    links = [a["href"] for a in document.find(id="registration-errors").find_all("a")]
    assert set(links) == {"#id_workshops_0"}
    assert document.find(id="id_workshops_0") is not None
    assert described_ids_missing(document) == []


def test_form_wide_error_is_in_the_summary(client, open_event, settings):
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 1
    event = open_event()
    form_post(client, event, 1)
    response = form_post(client, event, 2)
    assert response.status_code == 429
    items = soup(response).find(id="registration-errors").find_all("li")
    assert [item.get_text() for item in items] == [
        say(
            "Trop de tentatives. Merci de réessayer plus tard.",
            "Too many attempts. Please try again later.",
        )
    ]


def test_confirmation_is_announced_and_replaces_the_form(client, open_event):
    event = open_event()
    response = client.get(form_post(client, event)["Location"])
    document = soup(response)
    result = document.find(id="registration-result")
    assert (result["role"], result["tabindex"]) == ("status", "-1")
    assert result.get_text(strip=True) == str(service.STATUS_MESSAGES["confirmed"])
    assert document.find("form", class_="rencontres-registration-form") is None
    another = say("Inscrire une autre personne", "Register someone else")
    assert document.find("a", string=another) is not None


def test_help_text_is_tied_to_its_field(client, workshop_event):
    document = soup(client.get(workshop_event.url))
    assert document.find(id="id_audience")["aria-describedby"] == "id_audience_helptext"
    assert described_ids_missing(document) == []


def test_self_service_update_errors_are_summarised(client, open_event, register):
    registration = register(open_event())
    url = self_service_path(registration)
    response = client.post(url, {"action": "update", "email": "nope"})
    assert response.status_code == 422
    document = soup(response)
    summary = document.find(id="self-service-errors")
    assert [a["href"] for a in summary.find_all("a")] == [
        "#id_first_name",
        "#id_last_name",
        "#id_email",
        "#id_organisation",
    ]
    assert described_ids_missing(document) == []


def test_self_service_update_is_announced(client, open_event, register):
    registration = register(open_event())
    url = self_service_path(registration)
    data = {
        "action": "update",
        "first_name": "Camille",
        "last_name": "Durand",
        "email": registration.email,
        "organisation": "Métropole",
    }
    document = soup(client.post(url, data))
    result = document.find(id="self-service-result")
    assert (result["role"], result.get_text(strip=True)) == (
        "status",
        say("Votre inscription est mise à jour.", "Your registration is updated."),
    )


def test_questions_named_for_a_phone_get_its_purpose_in_the_page_and_the_api(client, open_event):
    from wagtail_rencontres.models import RegistrationFormField

    event = open_event()
    RegistrationFormField.objects.create(page=event, label="Téléphone", field_type="singleline")
    RegistrationFormField.objects.create(page=event, label="Régime", field_type="singleline")
    document = soup(client.get(event.url))
    page = {
        name: document.find(attrs={"name": name}).get("autocomplete")
        for name in ("telephone", "regime")
    }
    schema = client.get(f"/api/rencontres/events/{event.pk}/registration/form").json()
    api = {field["name"]: field["autocomplete"] for field in schema["fields"]}
    assert page == {"telephone": "tel", "regime": None}
    assert (api["telephone"], api["regime"], api["email"]) == ("tel", "", "email")
    legends = [legend.get_text(strip=True) for legend in document.select("form legend")]
    assert legends[-1] == say("Questions des organisateurs", "Questions from the organisers")
