"""The change stamp during ``migrate``: still, then moved once with its boundaries."""

import pytest
from django.apps import apps
from django.db.models.signals import post_migrate, pre_migrate

from wagtail_rencontres.models import ChangeStamp
from wagtail_rencontres.services import freshness

pytestmark = pytest.mark.django_db


def test_saves_during_migrate_leave_the_stamp_and_its_end_moves_it(
    django_capture_on_commit_callbacks,
):
    config = apps.get_app_config("wagtail_rencontres")
    before = ChangeStamp.objects.get(pk=freshness.STAMP_PK)
    ChangeStamp.objects.filter(pk=freshness.STAMP_PK).update(next_boundary=before.changed_at)
    pre_migrate.send(
        sender=config, app_config=config, verbosity=0, interactive=False, using="default"
    )
    try:
        with django_capture_on_commit_callbacks() as callbacks:
            freshness.changed(boundaries=True)
        assert callbacks == []  # a host site's event table may not exist yet
    finally:
        post_migrate.send(
            sender=config, app_config=config, verbosity=0, interactive=False, using="default"
        )
    after = ChangeStamp.objects.get(pk=freshness.STAMP_PK)
    assert after.changed_at > before.changed_at
    assert after.next_boundary is None  # no event: no boundary to come
    with django_capture_on_commit_callbacks() as callbacks:
        freshness.changed()
    assert len(callbacks) == 1  # moves again once migrations are over
