"""Editors reach wagtail-localize's translation forms for every translatable model."""

import pytest
from django.urls import reverse

from tests.factories import (
    AudienceFactory,
    EventFormatFactory,
    OrganisationFactory,
    SpeakerFactory,
    ThemeFactory,
    VenueFactory,
)

SNIPPETS = [
    ("speaker", SpeakerFactory),
    ("venue", VenueFactory),
    ("organisation", OrganisationFactory),
    ("theme", ThemeFactory),
    ("audience", AudienceFactory),
    ("eventformat", EventFormatFactory),
]


@pytest.mark.parametrize(("model_name", "factory"), SNIPPETS)
def test_snippet_can_be_submitted_for_translation(
    admin_client, translation_locale, model_name, factory
):
    snippet = factory()
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["wagtail_rencontres", model_name, snippet.pk],
    )

    response = admin_client.post(url, {"locales": [translation_locale.pk]})

    assert response.status_code == 302
    translation = type(snippet).objects.get(
        translation_key=snippet.translation_key, locale=translation_locale
    )
    assert str(translation) == str(snippet)


def test_event_page_can_be_submitted_for_translation(admin_client, translation_locale, make_event):
    event = make_event(title="Santé communautaire")
    url = reverse("wagtail_localize:submit_page_translation", args=[event.pk])

    response = admin_client.post(url, {"locales": [translation_locale.pk], "include_subtree": ""})

    assert response.status_code == 302
    translation = event.get_translation(translation_locale)
    assert (translation.title, translation.start) == ("Santé communautaire", event.start)
