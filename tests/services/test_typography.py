"""French typography: what must never break across lines, and what must stay as it is."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation

from wagtail_rencontres.services.typography import NBSP, NNBSP, french


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("de 9 h à 16 h 30", f"de 9{NBSP}h à 16{NBSP}h{NBSP}30"),
        ("jeudi 28 novembre 2024", f"jeudi 28{NBSP}novembre{NBSP}2024"),
        ("le 1er mars", f"le 1er{NBSP}mars"),
        ("Attention : complet !", f"Attention{NNBSP}: complet{NNBSP}!"),
        ("Qui ? Pourquoi ; comment", f"Qui{NNBSP}? Pourquoi{NNBSP}; comment"),
        ("« Bonjour »", f"«{NNBSP}Bonjour{NNBSP}»"),
        ("«Bonjour»", f"«{NNBSP}Bonjour{NNBSP}»"),
        # Already spaced with an ordinary space: the space is replaced, not doubled.
        ("Salle : B12", f"Salle{NNBSP}: B12"),
    ],
)
def test_french_spacing(text, expected):
    assert french(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "à 9:30",  # an English time
        "https://example.org/?a=1",  # a URL's colon and question mark
        "Tom &amp; Jerry",  # an entity's semicolon
        '<a href="x:y" title="a ; b">',  # a tag, attributes included
    ],
)
def test_french_leaves_code_urls_and_markup_alone(text):
    assert french(text) == text


def test_french_keeps_tags_and_spaces_their_text():
    assert french('<a href="a:b">Quoi ?</a>') == f'<a href="a:b">Quoi{NNBSP}?</a>'


def render(source, **context):
    return Template("{% load rencontres_tags %}" + source).render(Context(context))


def test_typo_fr_filter_escapes_then_spaces_in_french():
    with translation.override("fr"):
        assert (
            render("{{ text|typo_fr }}", text="<b>Prêt ?</b>") == f"&lt;b&gt;Prêt{NNBSP}?&lt;/b&gt;"
        )


def test_typo_fr_filter_leaves_other_languages_alone():
    with translation.override("en"):
        assert render("{{ text|typo_fr }}", text="Ready ?") == "Ready ?"


def test_time_fr_never_breaks_in_french():
    with translation.override("fr"):
        assert render("{{ t|time_fr }}", t=dt.time(16, 30)) == f"16{NBSP}h{NBSP}30"
    with translation.override("en"):
        assert render("{{ t|time_fr }}", t=dt.time(16, 30)) == "16:30"
