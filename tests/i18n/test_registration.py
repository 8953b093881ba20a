"""Registration works on every translation of an event, restricted workshops included."""

import pytest

from tests.factories import AudienceFactory
from tests.i18n.helpers import translate
from tests.registration.conftest import FUTURE_DAY, person, programme, workshop
from wagtail_rencontres.enums import RegistrationMode, RegistrationStatus
from wagtail_rencontres.services import registration as service

pytestmark = pytest.mark.django_db


@pytest.fixture
def elected(db):
    return AudienceFactory(name="Élus")


@pytest.fixture
def translated_workshops(english_agenda, english, make_event, elected):
    """A French event whose workshop B is restricted to elected members, and its translation."""

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
        return event, translate(event, english)

    return build


def audience_names(event):
    return [
        str(audience) for audience in service.form_class(event).base_fields["audience"].queryset
    ]


def test_translated_event_accepts_its_locale_audience_for_a_restricted_workshop(
    english, translated_workshops, elected
):
    english_elected = translate(elected, english)
    other = AudienceFactory(name="Techniciens")
    translate(other, english)
    _event, english_event = translated_workshops()

    assert audience_names(english_event) == ["EN Techniciens", "EN Élus"]
    form = service.form_class(english_event)(
        data=person(1, workshops=["ws-b"], audience=english_elected.pk)
    )
    assert form.is_valid(), form.errors
    registration = service.register(english_event, form.cleaned_data).registration

    assert (registration.status, registration.workshops) == (RegistrationStatus.CONFIRMED, ["ws-b"])
    # The registrant's own choice, in the page's locale.
    assert registration.audience == english_elected


def test_translated_event_refuses_another_audience_for_a_restricted_workshop(
    english, translated_workshops, elected
):
    translate(elected, english)
    other = translate(AudienceFactory(name="Techniciens"), english)
    _event, english_event = translated_workshops()

    form = service.form_class(english_event)(data=person(1, workshops=["ws-b"], audience=other.pk))

    assert not form.is_valid()
    assert form.errors["workshops"] == ["« EN Atelier B » est réservé à : EN Élus."]


def test_untranslated_restricted_audience_is_offered_in_the_source_language(
    translated_workshops, elected
):
    _event, english_event = translated_workshops()

    assert audience_names(english_event) == ["Élus"]
    form = service.form_class(english_event)(
        data=person(1, workshops=["ws-b"], audience=elected.pk)
    )
    assert form.is_valid(), form.errors
    registration = service.register(english_event, form.cleaned_data).registration
    assert (registration.workshops, registration.audience) == (["ws-b"], elected)


def test_source_event_still_offers_only_its_locale_audiences(
    english, translated_workshops, elected
):
    translate(elected, english)
    event, _english_event = translated_workshops()

    assert audience_names(event) == ["Élus"]
    form = service.form_class(event)(data=person(1, workshops=["ws-b"], audience=elected.pk))
    assert form.is_valid(), form.errors
