"""Webhook deliveries in the admin: listed and inspected, read-only."""

import pytest
from django.urls import NoReverseMatch, reverse

from wagtail_rencontres.enums import DeliveryStatus
from wagtail_rencontres.models import ChangeNotification, WebhookDelivery

pytestmark = pytest.mark.django_db

NAME = "rencontres_webhook_deliveries"


@pytest.fixture
def delivery(db):
    notification = ChangeNotification.objects.create(
        type="event.published", page_id=7, payload={"type": "event.published"}
    )
    return WebhookDelivery.objects.create(
        notification=notification,
        url="https://front.example.org/hooks",
        status=DeliveryStatus.FAILED,
        attempts=2,
        response_status=500,
        error="HTTP 500",
    )


def test_deliveries_are_listed_and_inspected(admin_client, delivery):
    listing = admin_client.get(reverse(f"{NAME}:index"))
    inspect = admin_client.get(reverse(f"{NAME}:inspect", args=[delivery.pk]))

    assert listing.status_code == 200
    assert "https://front.example.org/hooks" in listing.content.decode()
    assert inspect.status_code == 200
    assert "HTTP 500" in inspect.content.decode()


@pytest.mark.parametrize("view", ["add", "edit", "delete"])
def test_deliveries_cannot_be_added_edited_or_deleted(view):
    with pytest.raises(NoReverseMatch):
        reverse(f"{NAME}:{view}", args=[] if view == "add" else [1])


def test_editors_without_permission_do_not_see_them(client, django_user_model, delivery):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert client.get(reverse(f"{NAME}:index")).status_code == 302
