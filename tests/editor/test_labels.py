"""Labels read as a programme leaflet names things, capitalised, in French and English."""

import pytest
from django.urls import reverse
from wagtail import blocks

from tests.editor.forms import add_url, day, edit_url, event_form, session
from tests.factories import SpeakerFactory
from wagtail_rencontres.blocks import (
    BodyBlock,
    DocumentsBlock,
    ObjectivesBlock,
    ProgrammeBlock,
    ResourcesBlock,
)

pytestmark = pytest.mark.django_db


def labels(block, path=""):
    """``(path, label)`` of every block below ``block``."""
    for name, child in getattr(block, "child_blocks", {}).items():
        yield f"{path}{name}", str(child.label)
        yield from labels(child, f"{path}{name}.")
    child = getattr(block, "child_block", None)
    if child is not None:
        yield f"{path}item", str(child.label)
        yield from labels(child, f"{path}item.")


@pytest.mark.parametrize(
    "stream", [ProgrammeBlock, BodyBlock, DocumentsBlock, ObjectivesBlock, ResourcesBlock]
)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_block_label_is_capitalised(stream, language):
    from django.utils import translation

    with translation.override(language):
        lowercase = [(path, label) for path, label in labels(stream()) if not label[:1].isupper()]
    assert lowercase == []


def test_session_header_shows_time_and_title_and_is_collapsed():
    from django.utils import translation

    day_block = ProgrammeBlock().child_blocks["day"]
    sessions = day_block.child_blocks["sessions"]
    assert isinstance(sessions, blocks.ListBlock)
    assert sessions.meta.collapsed is True
    assert sessions.child_block.meta.label_format == "{start_time} – {title}"
    restricted = sessions.child_block.child_blocks["restricted_audiences"]
    with translation.override("fr"):
        assert str(restricted.child_block.label) == "Public"


def test_partner_panel_adds_an_organisme_in_french(french_admin, agenda):
    admin_client = french_admin
    html = admin_client.get(add_url(agenda)).content.decode()
    assert "Organisateurs, partenaires et cofinanceurs" in html
    assert "Ajouter un(e) organisme" in html
    assert "Ajouter un(e) Organisateurs" not in html


def test_speaker_listing_columns_are_french(french_admin):
    admin_client = french_admin
    SpeakerFactory()
    html = admin_client.get(reverse("wagtailsnippets_wagtail_rencontres_speaker:list")).content
    html = html.decode()
    assert "Nom complet" in html
    assert "Full name" not in html


def test_sessions_are_saved_in_order_of_start_time(admin_client, make_event):
    event = make_event(slug="journee-regionale-pqn-a")
    sessions = [
        session("14:00", "16:00", "Ateliers"),
        session("", "", "Synthèse"),
        session("09:30", "10:00", "Accueil"),
        session("14:00", "16:00", "Atelier B"),
    ]
    data = event_form([day("2025-03-27", sessions=sessions)])
    response = admin_client.post(edit_url(event), {**data, "action-save-draft": "Save draft"})
    assert response.status_code == 302
    event.refresh_from_db()
    draft = event.get_latest_revision_as_object()
    titles = [item["title"] for item in draft.programme[0].value["sessions"]]
    assert titles == ["Accueil", "Ateliers", "Atelier B", "Synthèse"]


def test_the_programme_lists_name_what_their_add_button_adds():
    from django.utils import translation

    from wagtail_rencontres.blocks.programme import ADD_LABEL_ATTR

    session_block = ProgrammeBlock().child_blocks["day"].child_blocks["sessions"]
    lists = {
        "sessions": session_block,
        "speakers": session_block.child_block.child_blocks["speakers"],
        "restricted_audiences": session_block.child_block.child_blocks["restricted_audiences"],
    }
    with translation.override("fr"):
        added = {name: str(block.meta.form_attrs[ADD_LABEL_ATTR]) for name, block in lists.items()}
    assert added == {
        "sessions": "Ajouter une séquence",
        "speakers": "Ajouter un·e intervenant·e",
        "restricted_audiences": "Ajouter un public",
    }


def test_a_session_keeps_its_rarer_fields_behind_its_settings():
    session_block = ProgrammeBlock().child_blocks["day"].child_blocks["sessions"].child_block
    layout = session_block.meta.form_layout
    assert layout.children[:3] == ["start_time", "end_time", "title"]
    assert set(layout.settings) == {"room", "remote", "restricted_audiences", "capacity"}


def test_the_editor_loads_the_list_labels_script_and_style(admin_client, make_event):
    html = admin_client.get(edit_url(make_event())).content.decode()
    assert "wagtail_rencontres/js/admin-list-labels.js" in html
    assert "wagtail_rencontres/css/admin.css" in html
