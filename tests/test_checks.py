"""The package's system checks for production settings: each fires, and each can be silenced."""

import logging

import pytest
from django.core import checks as django_checks
from django.utils.log import AdminEmailHandler, RequireDebugTrue
from wagtail.models import Site

from wagtail_rencontres import checks

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
DUMMY = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
DATABASE = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "rencontres_cache",
    }
}


def ids(messages):
    return [message.id for message in messages]


def test_the_checks_run_with_check_deploy():
    registered = django_checks.registry.registry.get_checks(include_deployment_checks=True)
    assert {checks.check_rate_limit_cache, checks.check_error_logging} <= set(registered)
    assert checks.check_site_addresses in registered


def test_w020_per_process_cache_with_the_rate_limit_on(settings):
    settings.CACHES = LOCMEM
    assert ids(checks.check_rate_limit_cache(None)) == ["wagtail_rencontres.W020"]


def test_w021_dummy_cache_means_no_limit(settings):
    settings.CACHES = DUMMY
    messages = checks.check_rate_limit_cache(None)
    assert ids(messages) == ["wagtail_rencontres.W021"]
    assert "no limit at all" in messages[0].msg


@pytest.mark.parametrize("caches", [LOCMEM, DUMMY])
def test_w020_w021_silent_when_the_rate_limit_is_off(settings, caches):
    settings.CACHES = caches
    settings.WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 0
    assert checks.check_rate_limit_cache(None) == []


def test_w020_silent_with_a_shared_cache(settings):
    settings.CACHES = DATABASE
    assert checks.check_rate_limit_cache(None) == []


@pytest.fixture
def default_site(db):
    return Site.objects.get(is_default_site=True)


def test_w022_loopback_site(settings, default_site):
    settings.DEBUG = False
    Site.objects.filter(pk=default_site.pk).update(hostname="localhost", port=80)
    messages = checks.check_site_addresses(None, databases=["default"])
    assert ids(messages) == ["wagtail_rencontres.W022"]
    assert "http://localhost/" in messages[0].msg


def test_w022_plain_http_on_an_https_site(settings, default_site):
    settings.DEBUG = False
    settings.SECURE_SSL_REDIRECT = True
    Site.objects.filter(pk=default_site.pk).update(hostname="agenda.example.org", port=80)
    messages = checks.check_site_addresses(None, databases=["default"])
    assert ids(messages) == ["wagtail_rencontres.W022"]
    assert "http://agenda.example.org/" in messages[0].msg


def test_w022_silent_on_a_public_https_site(settings, default_site):
    settings.DEBUG = False
    settings.SECURE_SSL_REDIRECT = True
    Site.objects.filter(pk=default_site.pk).update(hostname="agenda.example.org", port=443)
    assert checks.check_site_addresses(None, databases=["default"]) == []


def test_w022_silent_without_database_or_in_debug(settings, default_site):
    Site.objects.filter(pk=default_site.pk).update(hostname="localhost", port=80)
    settings.DEBUG = False
    assert checks.check_site_addresses(None, databases=None) == []
    settings.DEBUG = True
    assert checks.check_site_addresses(None, databases=["default"]) == []


@pytest.fixture
def request_logger(monkeypatch):
    """``django.request`` cut from its parents; a test sets its handlers.

    pytest attaches its capture handlers during the test call, after fixtures
    run: each test replaces the handlers in its body.
    """
    logger = logging.getLogger("django.request")
    monkeypatch.setattr(logger, "propagate", False)
    monkeypatch.setattr(logger, "handlers", [])
    monkeypatch.setattr(logger, "disabled", False)
    monkeypatch.setattr(logger, "level", logging.NOTSET)
    return logger


def test_w023_no_handler_for_request_errors(settings, request_logger):
    settings.DEBUG = False
    request_logger.handlers = []
    assert ids(checks.check_error_logging(None)) == ["wagtail_rencontres.W023"]


def test_w023_django_default_handlers_without_admins(settings, request_logger):
    settings.DEBUG = False
    settings.ADMINS = []
    console = logging.StreamHandler()
    console.addFilter(RequireDebugTrue())
    request_logger.handlers = [console, AdminEmailHandler()]
    assert ids(checks.check_error_logging(None)) == ["wagtail_rencontres.W023"]


def test_w023_silent_with_a_stream_handler_on_a_parent(settings, request_logger, monkeypatch):
    settings.DEBUG = False
    request_logger.handlers = []
    request_logger.propagate = True
    parent = logging.getLogger("django")
    monkeypatch.setattr(parent, "handlers", [logging.StreamHandler()])
    monkeypatch.setattr(parent, "propagate", False)
    assert checks.check_error_logging(None) == []


def test_w023_silent_when_admins_get_the_mails(settings, request_logger):
    settings.DEBUG = False
    settings.ADMINS = [("Ops", "ops@example.org")]
    request_logger.handlers = [AdminEmailHandler()]
    assert checks.check_error_logging(None) == []


def test_w023_silent_in_debug(settings, request_logger):
    settings.DEBUG = True
    request_logger.handlers = []
    assert checks.check_error_logging(None) == []
