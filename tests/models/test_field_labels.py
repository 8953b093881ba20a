"""Editors see a label and a help text on every field of the package's models."""

import pytest
from django.apps import apps
from django.utils.functional import Promise

# Indexes and records kept by the package itself, never edited through a model form.
INTERNAL_MODELS = {"EventSpeaker", "EventTombstone", "Registration", "RegistrationMail"}


def wagtail_inherited(model, name):
    """Fields that come from Wagtail's own abstract models keep Wagtail's labels."""
    from wagtail.contrib.forms.models import AbstractFormField

    return issubclass(model, AbstractFormField) and name in {
        f.name for f in AbstractFormField._meta.get_fields()
    }


PACKAGE_FIELDS_EXEMPT = {"sort_order", "translation_key", "locale", "uuid", "page", "cycle"}


def editable_fields():
    config = apps.get_app_config("wagtail_rencontres")
    for model in config.get_models():
        for field in model._meta.get_fields():
            if not getattr(field, "editable", False) or field.auto_created:
                continue
            if field.name in PACKAGE_FIELDS_EXEMPT or field.model.__module__.startswith("wagtail."):
                continue
            if field.name.endswith("_ptr") or model.__name__ in INTERNAL_MODELS:
                continue
            if wagtail_inherited(model, field.name):
                continue
            yield model, field


@pytest.mark.parametrize(
    ("model", "field"),
    list(editable_fields()),
    ids=lambda value: getattr(value, "__name__", getattr(value, "name", str(value))),
)
def test_field_has_verbose_name_and_help_text(model, field):
    assert isinstance(field.verbose_name, Promise), (
        f"{model.__name__}.{field.name} label is not translatable"
    )
    assert str(field.help_text).strip(), f"{model.__name__}.{field.name} has no help text"
