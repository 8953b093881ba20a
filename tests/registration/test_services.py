import datetime as dt

import pytest
from django.core import mail

from tests.registration.conftest import FUTURE_DAY, person
from tests.sites import other_language
from wagtail_rencontres.enums import EventStatus, MailStatus, RegistrationStatus
from wagtail_rencontres.models import Registration, RegistrationMail, consent_version
from wagtail_rencontres.services import capacity
from wagtail_rencontres.services import registration as service
from wagtail_rencontres.services.dates import make_local

pytestmark = pytest.mark.django_db(transaction=False)


def statuses(event):
    return list(
        Registration.objects.filter(page_id=event.pk)
        .order_by("pk")
        .values_list("status", flat=True)
    )


def test_registration_confirmed_while_places_left(
    open_event, register, django_capture_on_commit_callbacks
):
    event = open_event(registration_capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.email == "camille1@example.org"
    assert registration.organisation == "Ville de Dijon"
    assert event.registration_state()["places_left"] == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["camille1@example.org"]


def test_full_event_goes_to_waiting_list(open_event, register):
    event = open_event(registration_capacity=1, registration_waitlist=True)
    register(event, 1)
    second = register(event, 2)
    assert second.status == RegistrationStatus.WAITLISTED
    state = event.registration_state()
    assert (state["is_open"], state["places_left"], state["waitlist_open"]) == (True, 0, True)


def test_the_lock_reads_what_an_editor_changed_since_the_page_was_read(open_event, register):
    """The decision uses the capacity and status under the lock, not the caller's copy."""
    event = open_event(registration_capacity=2, registration_waitlist=True)
    type(event).objects.filter(pk=event.pk).update(registration_capacity=0)
    assert register(event, 1).status == RegistrationStatus.WAITLISTED
    type(event).objects.filter(pk=event.pk).update(status=EventStatus.CANCELLED)
    form = service.form_class(event)(data=person(2))
    assert form.is_valid()
    with pytest.raises(service.RegistrationClosed) as error:
        service.register(event, form.cleaned_data)
    assert error.value.code == "cancelled"
    # The caller's copy is left as it was read.
    assert (event.registration_capacity, event.status) == (2, EventStatus.SCHEDULED)


def test_full_event_without_waiting_list_is_closed(open_event, register):
    event = open_event(registration_capacity=1, registration_waitlist=False)
    register(event, 1)
    form = service.form_class(event)(data=person(2))
    assert form.is_valid()
    with pytest.raises(service.RegistrationClosed) as error:
        service.register(event, form.cleaned_data)
    assert error.value.code == "full"
    state = event.registration_state()
    assert (state["is_open"], state["closed_reason"], state["waitlist_open"]) == (
        False,
        "full",
        False,
    )
    assert statuses(event) == ["confirmed"]


def test_cancel_promotes_first_waiting_and_tells_them(
    open_event, register, django_capture_on_commit_callbacks
):
    event = open_event(registration_capacity=1)
    first = register(event, 1)
    register(event, 2)
    register(event, 3)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = service.cancel(first)
    assert [r.email for r in promoted] == ["camille2@example.org"]
    assert statuses(event) == ["cancelled", "confirmed", "waitlisted"]
    assert sorted(m.to[0] for m in mail.outbox) == ["camille1@example.org", "camille2@example.org"]
    promoted_mail = RegistrationMail.objects.get(registration=promoted[0], kind="promoted")
    assert promoted_mail.status == MailStatus.SENT


def test_cancelled_email_may_register_again(open_event, register):
    event = open_event()
    first = register(event, 1)
    service.cancel(first)
    again = register(event, 1)
    assert again.status == RegistrationStatus.CONFIRMED


def test_duplicate_email_refused_case_insensitively(open_event, register):
    event = open_event()
    register(event, 1)
    form = service.form_class(event)(data=person(1, email="CAMILLE1@Example.org"))
    assert form.is_valid()
    with pytest.raises(service.DuplicateRegistration) as error:
        service.register(event, form.cleaned_data)
    assert (error.value.field, error.value.code) == ("email", "duplicate_email")
    assert Registration.objects.filter(page_id=event.pk).count() == 1


def test_workshop_capacity_refuses_a_full_workshop(workshop_event, register):
    register(workshop_event, 1, workshops=["ws-a"])
    form = service.form_class(workshop_event)(data=person(2, workshops=["ws-a"]))
    assert form.is_valid()
    with pytest.raises(service.WorkshopFull) as error:
        service.register(workshop_event, form.cleaned_data)
    assert error.value.field == "workshops"
    assert error.value.code == "workshop_full"
    places = capacity.workshop_places_left(
        capacity.workshop_sessions(workshop_event), capacity.workshop_seats_taken(workshop_event)
    )
    assert places == {"ws-a": 0, "ws-b": 5, "ws-c": 5}


def test_parallel_workshops_cannot_both_be_chosen(workshop_event, elected):
    form = service.form_class(workshop_event)(
        data=person(1, workshops=["ws-a", "ws-b"], audience=elected.pk)
    )
    assert not form.is_valid()
    assert form.errors.as_data()["workshops"][0].code == "overlapping_sessions"


def test_restricted_session_refused_without_the_audience(workshop_event, register):
    form = service.form_class(workshop_event)(data=person(1, workshops=["ws-b"]))
    assert not form.is_valid()
    assert [error.code for error in form.errors.as_data()["workshops"]] == ["restricted_session"]


def test_restricted_session_accepted_with_the_audience(workshop_event, register, elected):
    registration = register(workshop_event, 1, workshops=["ws-b"], audience=elected.pk)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.workshops == ["ws-b"]


def test_restricted_session_pending_then_approved_with_mails(
    workshop_event, register, elected, django_capture_on_commit_callbacks
):
    workshop_event.registration_requires_approval = True
    workshop_event.save()
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(workshop_event, 1, workshops=["ws-b"], audience=elected.pk)
    assert registration.status == RegistrationStatus.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        assert service.approve(registration) is True
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.APPROVED
    kinds = list(registration.mails.order_by("pk").values_list("kind", "status"))
    assert kinds == [("pending", "sent"), ("approved", "sent")]
    assert len(mail.outbox) == 2


def test_refusing_a_pending_registration_frees_its_place(workshop_event, register, elected):
    workshop_event.registration_requires_approval = True
    workshop_event.registration_capacity = 1
    workshop_event.save()
    pending = register(workshop_event, 1, workshops=["ws-b"], audience=elected.pk)
    waiting = register(workshop_event, 2)
    assert (pending.status, waiting.status) == ("pending", "waitlisted")
    assert service.refuse(pending) is True
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_promotion_skips_waiting_registration_whose_workshop_is_full(workshop_event, register):
    workshop_event.registration_capacity = 2
    workshop_event.save()
    first = register(workshop_event, 1, workshops=["ws-c"])
    register(workshop_event, 2, workshops=["ws-a"])
    waiting_a = register(workshop_event, 3, workshops=["ws-a"])
    waiting_c = register(workshop_event, 4, workshops=["ws-c"])
    assert (waiting_a.status, waiting_c.status) == ("waitlisted", "waitlisted")
    service.cancel(first)
    waiting_a.refresh_from_db()
    waiting_c.refresh_from_db()
    assert (waiting_a.status, waiting_c.status) == ("waitlisted", "confirmed")


def test_admin_promote_refused_when_no_place(open_event, register):
    event = open_event(registration_capacity=1)
    register(event, 1)
    waiting = register(event, 2)
    with pytest.raises(service.NoPlaceLeft):
        service.promote(waiting)
    event.registration_capacity = 2
    event.save()
    assert service.promote(waiting) is True
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_deadline_at_the_event_timezone_boundary(open_event):
    # 23:59 in Cayenne (UTC-3) is 02:59 UTC the next day.
    deadline = make_local(FUTURE_DAY - dt.timedelta(days=10), dt.time(23, 59), "America/Cayenne")
    event = open_event(timezone="America/Cayenne", registration_closes_at=deadline)
    assert deadline.astimezone(dt.UTC).hour == 2
    assert service.closed_reason(event, now=deadline) == ""
    assert service.closed_reason(event, now=deadline + dt.timedelta(seconds=1)) == "deadline_passed"


def test_not_open_yet_then_open(open_event):
    opens = make_local(FUTURE_DAY - dt.timedelta(days=5), dt.time(0, 0), "Europe/Paris")
    event = open_event(registration_opens_at=opens)
    assert service.closed_reason(event, now=opens - dt.timedelta(seconds=1)) == "not_open_yet"
    assert service.closed_reason(event, now=opens) == ""


@pytest.mark.parametrize(
    ("status", "reason"),
    [(EventStatus.CANCELLED, "cancelled"), (EventStatus.POSTPONED, "postponed")],
)
def test_cancelled_or_postponed_event_is_closed(open_event, status, reason):
    event = open_event(status=status)
    state = event.registration_state()
    assert (state["is_open"], state["closed_reason"]) == (False, reason)


def test_no_registration_mode(open_event):
    event = open_event(registration_mode="none")
    assert event.registration_state()["closed_reason"] == "no_registration"


def test_external_mode_state(open_event):
    event = open_event(
        registration_mode="external",
        registration_url="https://pqn-a.fr/inscription",
        registration_link_label="S'inscrire sur le site de PQN-A",
    )
    state = event.registration_state()
    assert state == {
        "mode": "external",
        "opens_at": None,
        "closes_at": None,
        "is_open": True,
        "places_left": None,
        "waitlist_open": False,
        "external_url": "https://pqn-a.fr/inscription",
        "external_label": "S'inscrire sur le site de PQN-A",
        "capacity": None,
        "closed_reason": "",
        "closed_message": "",
    }


def test_consent_text_version_and_time_are_stored(open_event, register):
    event = open_event(registration_consent_text="J'accepte la version 2.")
    registration = register(event)
    assert registration.consent_text == "J'accepte la version 2."
    assert registration.consent_version == consent_version("J'accepte la version 2.")
    assert registration.consent_version != consent_version("J'accepte la version 1.")
    assert registration.consent_at is not None


def test_consent_is_required(open_event):
    form = service.form_class(open_event())(data=person(1, consent=False))
    assert not form.is_valid()
    assert list(form.errors) == ["consent"]


def test_honeypot_refuses_bots(open_event):
    form = service.form_class(open_event())(data=person(1, website="http://spam"))
    assert not form.is_valid()
    assert list(form.errors) == ["website"]


def test_idempotency_key_returns_the_first_registration(open_event):
    event = open_event()
    form = service.form_class(event)(data=person(1))
    assert form.is_valid()
    first = service.register(event, form.cleaned_data, idempotency_key="abc")
    again = service.register(event, form.cleaned_data, idempotency_key="abc")
    assert (first.created, again.created) == (True, False)
    assert again.registration.pk == first.registration.pk


def test_extra_questions_are_stored_in_form_data(open_event):
    from wagtail_rencontres.models import RegistrationFormField

    event = open_event()
    RegistrationFormField.objects.create(
        page=event, label="Régime alimentaire", field_type="singleline", required=True
    )
    form = service.form_class(event)(data=person(1))
    assert not form.is_valid()
    assert list(form.errors) == ["regime_alimentaire"]
    form = service.form_class(event)(data=person(1, regime_alimentaire="Végétarien"))
    assert form.is_valid(), form.errors
    registration = service.register(event, form.cleaned_data).registration
    assert registration.form_data == {"regime_alimentaire": "Végétarien"}


def test_rate_limit_counts_per_ip(settings):
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 2
    assert [service.rate_limited("10.0.0.1") for _ in range(3)] == [False, False, True]
    assert service.rate_limited("10.0.0.2") is False


def test_translations_share_one_capacity(open_event, register):
    from wagtail.models import Locale

    event = open_event(registration_capacity=1)
    locale, _created = Locale.objects.get_or_create(language_code=other_language())
    english = event.copy_for_translation(locale, copy_parents=True)
    english.save_revision().publish()
    english = type(event).objects.get(pk=english.pk)
    register(english, 1)
    second = register(event, 2)
    assert second.status == RegistrationStatus.WAITLISTED
    assert Registration.objects.filter(page_id=event.pk).count() == 2
    assert english.registration_state()["places_left"] == 0
