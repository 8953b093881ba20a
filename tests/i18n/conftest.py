"""Translation fixtures for both test sites.

The source is in the site's default language, the translation in its other one:
French → English on the example site (``tests.settings``), English → French on
the host site (``tests.hostsite.settings``), where both locales already exist.
"""

import pytest
from wagtail.models import Locale

from tests.api.conftest import programme_event  # noqa: F401 - shared fixture
from tests.i18n.helpers import translate
from tests.sites import default_language, other_language


@pytest.fixture
def source_locale(db):
    """The locale of the site's default language, where test content is created."""
    return Locale.objects.get_or_create(language_code=default_language())[0]


@pytest.fixture
def translation_locale(db):
    """The locale of the site's other language, the target of every translation."""
    return Locale.objects.get_or_create(language_code=other_language())[0]


@pytest.fixture
def translated_agenda(agenda, translation_locale):
    """The agenda translated to the other language, with its parent (the site root)."""
    translate(agenda.get_parent().specific, translation_locale)
    return translate(agenda, translation_locale)
