"""Registration works on every translation of an event, restricted workshops included."""

import re
from html import unescape as html_unescape

import pytest

from tests.factories import AudienceFactory
from tests.i18n.helpers import tr, translate
from tests.registration.conftest import FUTURE_DAY, person, programme, workshop
from tests.sites import site_text
from wagtail_rencontres.enums import RegistrationMode, RegistrationStatus
from wagtail_rencontres.services import registration as service

pytestmark = pytest.mark.django_db


@pytest.fixture
def elected(db):
    return AudienceFactory(name="Élus")


@pytest.fixture
def translated_workshops(translated_agenda, translation_locale, make_event, elected):
    """An event whose workshop B is restricted to elected members, and its translation."""

    def build():
        event = make_event(
            FUTURE_DAY,
            9,
            17,
            registration_mode=RegistrationMode.INTERNAL,
            registration_capacity=10,
            programme=programme(
                workshop("ws-a", "Atelier A", "10:00", "12:00", capacity=5),
                workshop("ws-b", "Atelier B", "14:00", "16:00", capacity=5, audiences=[elected.pk]),
            ),
        )
        return event, translate(event, translation_locale)

    return build


def audience_names(event):
    return [
        str(audience) for audience in service.form_class(event).base_fields["audience"].queryset
    ]


def offered_audiences(client, event):
    """The audience options of the event page's form, as the reader sees them."""
    html = client.get(event.url).content.decode()
    select = re.search(r'<select name="audience".*?</select>', html, re.S).group(0)
    return [
        html_unescape(text) for text in re.findall(r"<option value=\"\d+\"[^>]*>([^<]*)<", select)
    ]


def test_translated_event_accepts_its_locale_audience_for_a_restricted_workshop(
    client, translation_locale, translated_workshops, elected
):
    translated_elected = translate(elected, translation_locale)
    other = AudienceFactory(name="Techniciens")
    translate(other, translation_locale)
    _event, translation = translated_workshops()

    assert audience_names(translation) == [tr("Techniciens"), tr("Élus")]
    assert offered_audiences(client, translation) == [tr("Techniciens"), tr("Élus")]
    form = service.form_class(translation)(
        data=person(1, workshops=["ws-b"], audience=translated_elected.pk)
    )
    assert form.is_valid(), form.errors
    registration = service.register(translation, form.cleaned_data).registration

    assert (registration.status, registration.workshops) == (RegistrationStatus.CONFIRMED, ["ws-b"])
    # The registrant's own choice, in the page's locale.
    assert registration.audience == translated_elected


def test_translated_event_refuses_another_audience_for_a_restricted_workshop(
    translation_locale, translated_workshops, elected
):
    translate(elected, translation_locale)
    other = translate(AudienceFactory(name="Techniciens"), translation_locale)
    _event, translation = translated_workshops()

    form = service.form_class(translation)(data=person(1, workshops=["ws-b"], audience=other.pk))

    assert not form.is_valid()
    assert form.errors["workshops"] == [
        site_text(f"« {tr('Atelier B')} » est réservé à : {tr('Élus')}.")
    ]


def test_untranslated_restricted_audience_is_offered_in_the_source_language(
    client, translated_workshops, elected
):
    _event, translation = translated_workshops()

    assert audience_names(translation) == ["Élus"]
    assert offered_audiences(client, translation) == ["Élus"]
    form = service.form_class(translation)(data=person(1, workshops=["ws-b"], audience=elected.pk))
    assert form.is_valid(), form.errors
    registration = service.register(translation, form.cleaned_data).registration
    assert (registration.workshops, registration.audience) == (["ws-b"], elected)


def test_source_event_still_offers_only_its_locale_audiences(
    client, translation_locale, translated_workshops, elected
):
    translate(elected, translation_locale)
    event, _translation = translated_workshops()

    assert audience_names(event) == ["Élus"]
    assert offered_audiences(client, event) == ["Élus"]
    form = service.form_class(event)(data=person(1, workshops=["ws-b"], audience=elected.pk))
    assert form.is_valid(), form.errors
