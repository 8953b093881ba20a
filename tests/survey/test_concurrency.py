"""Twenty submissions of one survey link at once give one response. PostgreSQL only.

Each thread has its own connection and transaction, as concurrent requests do;
the conditional update of the invitation row decides (see tests/attendance/test_concurrency.py).
"""

import pytest
from django.db import connection

from tests.concurrency import at_once
from tests.registration.test_concurrency import page_tree  # noqa: F401 - autouse fixture
from wagtail_rencontres.models import SurveyInvitation, SurveyResponse
from wagtail_rencontres.services import survey

SUBMITS = 20

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Concurrent transactions need PostgreSQL; SQLite serialises them.",
    ),
]


def test_simultaneous_submissions_of_one_link_give_one_response(ended_event):
    event, _registrations = ended_event(present=1, absent=0)
    survey.send_due()
    token = SurveyInvitation.objects.get().token

    def submit(n):
        try:
            survey.submit(event, token, {"note_globale": str(n % 5 + 1)})
            return "recorded"
        except survey.AlreadyAnswered:
            return "refused"

    results = at_once(submit, SUBMITS)
    assert (results.count("recorded"), results.count("refused")) == (1, SUBMITS - 1)
    assert SurveyResponse.objects.count() == 1
