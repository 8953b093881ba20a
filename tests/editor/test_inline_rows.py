"""An autosave and a manual save a second apart never duplicate inline rows.

The autosave of a draft page creates its new partner rows and answers their
ids; a "Save draft" posted before the page applied that answer still carries
the partners as new forms. modelcluster then adds them beside the rows the
autosave created: the page, and once published its public page, show each
partner twice.
"""

import pytest
from wagtail.models import Page

from tests.editor.forms import add_url, edit_url, event_form
from tests.factories import OrganisationFactory
from wagtail_rencontres.services import queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners(db):
    return [
        {"organisation": OrganisationFactory(name=name).pk, "role": role, "details": ""}
        for name, role in (("PQN-A", "organiser"), ("Région Nouvelle-Aquitaine", "funder"))
    ]


def stale_save(client, url, partners):
    """A save whose partner forms carry no ids, as a form not updated by the autosave."""
    data = event_form(partners=partners, funding_statement="Cofinancé par la Région.")
    return client.post(url, {**data, "action-save-draft": "Save draft"})


def saved_partners(event):
    return sorted(event.partners.values_list("organisation__name", flat=True))


def test_stale_draft_save_after_autosave_keeps_each_partner_once(admin_client, agenda, partners):
    assert stale_save(admin_client, add_url(agenda), partners).status_code == 302
    event = queries.event_model().objects.get(slug="journee-regionale-pqn-a")
    autosaved = stale_save(admin_client, edit_url(event), partners)  # ids not applied yet
    assert autosaved.status_code == 302
    assert saved_partners(event) == ["PQN-A", "Région Nouvelle-Aquitaine"]
    draft = Page.objects.get(pk=event.pk).specific.get_latest_revision_as_object()
    assert len(draft.partners.all()) == 2


def test_published_page_keeps_each_partner_once(admin_client, agenda, partners):
    stale_save(admin_client, add_url(agenda), partners)
    event = queries.event_model().objects.get(slug="journee-regionale-pqn-a")
    stale_save(admin_client, edit_url(event), partners)
    data = event_form(partners=partners, funding_statement="Cofinancé par la Région.")
    response = admin_client.post(edit_url(event), {**data, "action-publish": "Publish"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.live is True
    assert saved_partners(event) == ["PQN-A", "Région Nouvelle-Aquitaine"]


def test_a_removed_partner_is_deleted(admin_client, agenda, partners):
    stale_save(admin_client, add_url(agenda), partners)
    event = queries.event_model().objects.get(slug="journee-regionale-pqn-a")
    stale_save(admin_client, edit_url(event), partners[:1])
    assert saved_partners(event) == ["PQN-A"]
