"""The activity report, its charts and tables, axe-clean in Chromium."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.a11y.conftest import describe_violations, run_axe
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
    client = Client()
    client.force_login(user)
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    query = "&".join(f"{key}={value}" for key, value in YEAR.items())
    url = f"{live_server.url}{reverse('wagtail_rencontres_activity:index')}?{query}"
    page.goto(url)
    assert page.locator("svg[role=img]").count() == 3
    violations = run_axe(page, axe_source)
    context.close()
    assert violations == [], describe_violations(url, violations)
