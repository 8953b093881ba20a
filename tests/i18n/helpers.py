"""Translate records the way wagtail-localize's editor does, without the editor."""

from django.test import TestCase
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def english_text(text, path):
    """The fake translation used by the tests: slugs get a suffix, texts a prefix."""
    if path == "slug":
        return f"{text}-en"
    return f"EN {text}"


def extracted_strings(instance):
    """Sorted (context path, source text) pairs of every string wagtail-localize extracts."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    return sorted((segment.context.path, segment.string.data) for segment in segments)


def translate(instance, locale, translator=english_text, publish=True):
    """Extract ``instance``, translate every string with ``translator`` and save the target."""
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
