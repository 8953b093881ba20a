"""Translate records the way wagtail-localize's editor does, without the editor.

The suite runs on both test sites: the source is in the site's default language
(French on the example site, English on the host site) and the translation in
its other language (see :mod:`tests.sites`).
"""

from django.test import TestCase
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from tests.sites import other_language


def fake_text(text, path, language):
    """The fake translation used by the tests: slugs get a ``-<code>`` suffix, texts a
    ``"<CODE> "`` prefix ("EN " into English, "FR " into French)."""
    if path == "slug":
        return f"{text}-{language}"
    return f"{language.upper()} {text}"


def tr(text, language=None):
    """``text`` as :func:`translate` translates it into ``language`` (default: the site's
    other language): ``tr("Santé")`` is ``"EN Santé"`` on the example site."""
    return fake_text(text, "", language or other_language())


def extracted_strings(instance):
    """Sorted (context path, source text) pairs of every string wagtail-localize extracts."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    return sorted((segment.context.path, segment.string.data) for segment in segments)


def translate(instance, locale, translator=None, publish=True):
    """Extract ``instance``, translate every string with ``translator`` (default:
    :func:`fake_text` into ``locale``'s language) and save the target."""
    if translator is None:

        def translator(text, path):
            return fake_text(text, path, locale.language_code)

    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": translator(segment.string.data, segment.context.path)},
        )
    # wagtail-localize publishes page revisions once the transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)
    return instance.get_translation(locale)
