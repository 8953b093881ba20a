import pytest

from wagtail_rencontres.services import registration as service
from wagtail_rencontres.services.attendance import codes
from wagtail_rencontres.services.registration.mails import QR_FILENAME

pytestmark = pytest.mark.django_db


def test_confirmation_mail_carries_the_signed_qr_code(
    open_event, register, mailoutbox, django_capture_on_commit_callbacks
):
    event = open_event()
    with django_capture_on_commit_callbacks(execute=True):
        someone = register(event, 1)
    message = mailoutbox[-1]
    code = codes.checkin_code(someone)
    assert code in message.body
    attachments = {name: (content, mime) for name, content, mime in message.attachments}
    content, mime = attachments[QR_FILENAME]
    assert (mime, content[:8]) == ("image/png", b"\x89PNG\r\n\x1a\n")
    assert codes.token_of(code) == someone.token


def test_waiting_list_mail_has_no_qr_code(
    open_event, register, mailoutbox, django_capture_on_commit_callbacks
):
    event = open_event(registration_capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        register(event, 1)
        waiting = register(event, 2)
    message = mailoutbox[-1]
    assert message.to == [waiting.email]
    assert QR_FILENAME not in [name for name, _content, _mime in message.attachments]
    assert codes.checkin_code(waiting) not in message.body


def test_self_service_page_shows_the_qr_code_to_seat_holders(client, open_event, register):
    event = open_event(registration_capacity=1)
    someone, waiting = register(event, 1), register(event, 2)

    def page(registration):
        return client.get("/" + service.self_service_url(registration).split("/", 3)[3])

    assert 'class="rencontres-qr"' in page(someone).content.decode()
    assert 'class="rencontres-qr"' not in page(waiting).content.decode()
