"""The example site's production settings pass Django's deployment checks, the package's too."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "example_site.settings.production",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnop",
    "DJANGO_ALLOWED_HOSTS": "rencontres.example.org",
    "DATABASE_URL": "postgres://user:password@localhost:5432/rencontres",
    "WAGTAILADMIN_BASE_URL": "https://rencontres.example.org",
    "PYTHONPATH": str(ROOT),
}

READ_SETTINGS = """
import json, logging
import django
django.setup()
from django.conf import settings
from django.core.cache import caches

def handlers(name):
    found = logging.getLogger(name).handlers
    return [(type(h).__name__, getattr(getattr(h, "stream", None), "name", None)) for h in found]

print(json.dumps({
    "cache": type(caches["default"]).__name__,
    "base_url": settings.WAGTAILADMIN_BASE_URL,
    "django.request": handlers("django.request"),
    "wagtail_rencontres": handlers("wagtail_rencontres"),
    "levels": [
        logging.getLogger(name).getEffectiveLevel()
        for name in ("django.request", "wagtail_rencontres")
    ],
}))
"""


def run_production(*args):
    return subprocess.run(  # noqa: S603 - fixed command
        [sys.executable, *args],
        cwd=ROOT,
        env={**os.environ, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_with_zero_warnings():
    result = run_production("-m", "django", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."
    assert "WARNING" not in result.stderr


def test_production_settings_share_a_cache_log_errors_to_stderr_and_name_the_base_url():
    result = run_production("-c", READ_SETTINGS)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["cache"] == "DatabaseCache"
    assert found["base_url"] == "https://rencontres.example.org"
    assert found["django.request"] == [["StreamHandler", "<stderr>"]]
    assert found["wagtail_rencontres"] == [["StreamHandler", "<stderr>"]]
    assert found["levels"] == [40, 20]


def test_production_settings_require_the_base_url():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "WAGTAILADMIN_BASE_URL"}
    result = subprocess.run(  # noqa: S603 - fixed command
        [sys.executable, "-m", "django", "check"],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "WAGTAILADMIN_BASE_URL"}, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "KeyError: 'WAGTAILADMIN_BASE_URL'" in result.stderr
