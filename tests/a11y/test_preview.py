"""The admin's "Front end" preview page passes axe-core's WCAG 2.0/2.1 A and AA rules."""

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from tests.a11y.conftest import describe_violations, run_axe

pytestmark = pytest.mark.browser


class Page:
    title = "Rencontre « démo »"


@pytest.mark.parametrize(
    ("front_end_url", "saved_at"),
    [("about:blank", timezone.now() - dt.timedelta(minutes=3)), (None, None)],
)
def test_the_front_end_preview_page_is_accessible(
    browser_page, axe_source, front_end_url, saved_at
):
    with translation.override("fr"):
        html = render_to_string(
            "wagtail_rencontres/admin/headless_preview.html",
            {"page": Page(), "front_end_url": front_end_url, "saved_at": saved_at},
        )
    browser_page.set_content(html)

    violations = run_axe(browser_page, axe_source)

    assert violations == [], describe_violations("headless preview", violations)
