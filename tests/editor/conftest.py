import pytest

from tests.factories import SpeakerFactory


@pytest.fixture
def speaker(db):
    return SpeakerFactory(first_name="Aline", last_name="Martin")


@pytest.fixture
def french_admin(admin_client, admin_user):
    """The admin in French, whatever the site's default language (English on the host site)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    return admin_client
