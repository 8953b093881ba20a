import pytest
from wagtail.models import Locale

from tests.i18n.helpers import translate


@pytest.fixture
def english(db):
    return Locale.objects.create(language_code="en")


@pytest.fixture
def english_agenda(agenda, english):
    """The agenda translated to English, with its parent (the site root)."""
    translate(agenda.get_parent().specific, english)
    return translate(agenda, english)
