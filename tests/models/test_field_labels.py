"""Editors see a label and a help text on every field of the package's models."""

import pytest
from django.apps import apps
from django.utils.functional import Promise

PACKAGE_FIELDS_EXEMPT = {"sort_order", "translation_key", "locale", "uuid", "page", "cycle"}


def editable_fields():
    config = apps.get_app_config("wagtail_rencontres")
    for model in config.get_models():
        for field in model._meta.get_fields():
            if not getattr(field, "editable", False) or field.auto_created:
                continue
            if field.name in PACKAGE_FIELDS_EXEMPT or field.model.__module__.startswith("wagtail."):
                continue
            if field.name.endswith("_ptr"):
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
