"""The activity report, its charts and tables, axe-clean in Chromium."""

import pytest
from django.urls import reverse

from tests.a11y.conftest import describe_violations, logged_in_context, run_axe
from tests.report.conftest import YEAR, year  # noqa: F401 - fixture used by name

# serialized_rollback: the flush after a transactional test would take the
# locales and root page the later browser tests need with it.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_activity_report_has_no_axe_violation(
    chromium,
    live_server,
    axe_source,
    django_user_model,
    year,  # noqa: F811 - the imported fixture
):
    user = django_user_model.objects.create_superuser("manager", "manager@example.org", "pw")
    context = logged_in_context(chromium, live_server, user)
    page = context.new_page()
    query = "&".join(f"{key}={value}" for key, value in YEAR.items())
    url = f"{live_server.url}{reverse('wagtail_rencontres_activity:index')}?{query}"
    page.goto(url)
    assert page.locator("svg[role=img]").count() == 4
    violations = run_axe(page, axe_source)
    context.close()
    assert violations == [], describe_violations(url, violations)
