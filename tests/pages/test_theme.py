"""A centre's colours and logo: the stylesheets and logo the settings name."""

import pytest
from django.template import Context, Template
from django.test import override_settings

pytestmark = pytest.mark.django_db


def render(source, **context):
    return Template("{% load rencontres_tags %}" + source).render(Context(context))


def test_stylesheets_link_the_package_css_then_the_centre_css():
    with override_settings(WAGTAILRENCONTRES_EXTRA_STYLESHEET="mysite/theme.css"):
        html = render("{% rencontres_stylesheets %}")
    assert html == (
        '<link rel="stylesheet" href="/static/wagtail_rencontres/rencontres.css">\n'
        '<link rel="stylesheet" href="/static/mysite/theme.css">'
    )


def test_stylesheets_can_be_turned_off_or_given_as_urls():
    with override_settings(
        WAGTAILRENCONTRES_STYLESHEET=None,
        WAGTAILRENCONTRES_EXTRA_STYLESHEET="https://cdn.example.org/a.css",
    ):
        html = render("{% rencontres_stylesheets %}")
    assert html == '<link rel="stylesheet" href="https://cdn.example.org/a.css">'


def test_logo_is_shown_with_its_text_alternative():
    assert render('{% rencontres_logo "Centre" %}') == ""
    with override_settings(WAGTAILRENCONTRES_LOGO="mysite/logo.svg"):
        # The site's name, a variable, is escaped.
        html = render("{% rencontres_logo alt %}", alt="Centre & co")
    assert html == (
        '<img class="rencontres-header__logo" src="/static/mysite/logo.svg" alt="Centre &amp; co">'
    )


@override_settings(
    WAGTAILRENCONTRES_BASE_TEMPLATE="wagtail_rencontres/base.html",
    WAGTAILRENCONTRES_LOGO="mysite/logo.svg",
    WAGTAILRENCONTRES_EXTRA_STYLESHEET="mysite/theme.css",
)
def test_package_base_template_applies_the_centre_theme(agenda, client):
    html = client.get(agenda.url).content.decode()
    assert '<link rel="stylesheet" href="/static/mysite/theme.css">' in html
    assert 'src="/static/mysite/logo.svg"' in html
    assert '<body class="rencontres-site">' in html
