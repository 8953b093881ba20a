import pytest

from tests.factories import SpeakerFactory


@pytest.fixture
def speaker(db):
    return SpeakerFactory(first_name="Aline", last_name="Martin")
