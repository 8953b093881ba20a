"""Speakers, venues and organisations are created from the chooser, without leaving the page."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from wagtail_rencontres.models import Organisation, Speaker, Venue

pytestmark = pytest.mark.django_db

CREATED = {
    Speaker: {"first_name": "Inès", "last_name": "Durand", "job_title": "Élue", "organisation": ""},
    Venue: {"name": "Salle des fêtes", "street_address": "", "postcode": "86000", "city": "Niort"},
    Organisation: {"name": "PQN-A", "acronym": "", "kind": "resource_centre", "url": ""},
}


def chooser_url(model, name):
    return reverse(f"wagtailsnippetchoosers_wagtail_rencontres_{model._meta.model_name}:{name}")


@pytest.mark.parametrize("model", CREATED)
def test_chooser_offers_a_create_tab(admin_client, model):
    response = admin_client.get(chooser_url(model, "choose"))
    assert response.status_code == 200
    assert chooser_url(model, "create") in response.json()["html"]


@pytest.mark.parametrize("model", CREATED)
def test_record_created_from_the_chooser_is_chosen(admin_client, model):
    response = admin_client.post(chooser_url(model, "create"), CREATED[model])
    body = response.json()
    assert body["step"] == "chosen", body
    record = model.objects.get()
    assert body["result"]["id"] == str(record.pk)
    assert record.locale == Locale.get_default()
