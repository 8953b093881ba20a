"""What differs between the two test sites, for tests that run on both.

The default settings (``tests.settings``) are the example site's: French first,
``Europe/Paris``, the shipped page classes. The host site
(``tests.hostsite.settings``) is English first, UTC, with its own page classes.
Tests write their expected texts in French, the package's first language, and
read them through :func:`site_text`, which gives what the site's default
language says.
"""

import functools
import re

from django.conf import settings
from django.utils.translation import trans_real

from wagtail_rencontres import conf

PLACEHOLDER = re.compile(r"%\((\w+)\)([sd])")


def default_language():
    return settings.LANGUAGE_CODE


def other_language():
    """The site's second language: English on the example site, French on the host site."""
    return next(code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE)


def url_prefix(language=None):
    """The path prefix of pages in ``language`` (default: the site's default language)."""
    return f"/{language or default_language()}/"


def page_type_label(name):
    """``"app_label.ModelName"`` of the page class the site uses for ``name`` ("EventPage")."""
    model = conf.page_model(name)
    return f"{model._meta.app_label}.{model.__name__}"


@functools.cache
def _french_catalogue():
    """French text → message id, from every French catalogue Django has loaded."""
    catalogue = trans_real.translation("fr")._catalog
    reverse = {}
    for msgid, msgstr in sorted(catalogue.items(), key=lambda item: "\x04" in str(item[0])):
        if isinstance(msgid, str) and msgid:  # plural forms are keyed by (msgid, n)
            reverse.setdefault(msgstr, msgid.rpartition("\x04")[2])  # drop a pgettext context
    return reverse


def _interpolated(french):
    """Match ``french`` against messages with ``%(name)s`` placeholders."""
    for msgstr, msgid in _french_catalogue().items():
        if "%(" not in msgstr:
            continue
        parts = PLACEHOLDER.split(msgstr)  # text, name, type, text, name, type, text…
        pattern = "".join(
            re.escape(part) if index % 3 == 0 else f"(?P<{part}>.+?)" if index % 3 == 1 else ""
            for index, part in enumerate(parts)
        )
        match = re.fullmatch(pattern, french)
        if match:
            types = dict(PLACEHOLDER.findall(msgstr))
            values = {
                name: int(value) if types[name] == "d" else value
                for name, value in match.groupdict().items()
            }
            return msgid % values
    return None


def site_text(french):
    """``french`` as the site's default language says it.

    On a French site, ``french`` itself. On an English one, the message id whose
    French translation is ``french`` (with its placeholders filled in), so the
    test fails when the text is not translatable.
    """
    if default_language() == "fr":
        return french
    if french in _french_catalogue():
        return _french_catalogue()[french]
    found = _interpolated(french)
    if found is None:
        raise LookupError(f"No message of the French catalogues reads {french!r}")
    return found
