"""Admin labels follow each request's language, whatever language came first."""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.factories import AudienceFactory, SpeakerFactory
from tests.i18n.test_localized import programme_of, session

pytestmark = pytest.mark.django_db

# Texts of the programme's speaker and audience choosers (block widgets, in the page's
# JSON) and of the venue chooser (a foreign key widget, in the HTML).
CHOOSER_TEXT = re.compile(
    r"(?:Choose|Choisir)(?: another| un autre)? "
    r"(?:speaker|audience|venue|intervenant\\u00b7e|public|lieu)\b"
)
ENGLISH = {
    "Choose audience",
    "Choose another audience",
    "Choose speaker",
    "Choose another speaker",
    "Choose venue",
    "Choose another venue",
}
FRENCH = {
    "Choisir public",
    "Choisir un autre public",
    "Choisir intervenant\\u00b7e",
    "Choisir un autre intervenant\\u00b7e",
    "Choisir lieu",
    "Choisir un autre lieu",
}


@pytest.fixture
def event(make_event):
    audience = AudienceFactory(name="Élus")
    return make_event(
        programme=programme_of(
            session("Atelier", "14:00", speakers=[SpeakerFactory()], audiences=[audience])
        )
    )


def speak(user, language):
    """The editor picks the admin's language in their account settings."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def chooser_texts(admin_client, admin_user, event, language):
    speak(admin_user, language)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert response.status_code == 200
    return set(CHOOSER_TEXT.findall(response.content.decode()))


@pytest.mark.parametrize("first", ["en", "fr"])
def test_programme_choosers_follow_each_request_language(admin_client, admin_user, event, first):
    expected = {"en": ENGLISH, "fr": FRENCH}
    second = "fr" if first == "en" else "en"

    # The block widgets are built once per process: the first request used to fix their texts.
    assert chooser_texts(admin_client, admin_user, event, first) == expected[first]
    assert chooser_texts(admin_client, admin_user, event, second) == expected[second]
    assert chooser_texts(admin_client, admin_user, event, first) == expected[first]


@pytest.mark.parametrize("first", ["en", "fr"])
def test_snippet_chooser_modal_follows_each_request_language(admin_client, admin_user, first):
    url = reverse("wagtailsnippetchoosers_wagtail_rencontres_speaker:choose")
    titles = {"en": "Choose", "fr": "Choisir"}
    second = "fr" if first == "en" else "en"

    for language in (first, second):
        speak(admin_user, language)
        html = admin_client.get(url).json()["html"]
        title = re.search(r"<h1[^>]*>\s*(?:<[^>]+>\s*)*([^<]+?)\s*<", html).group(1)
        assert title == titles[language]
