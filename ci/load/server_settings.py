"""The example site's production settings, as the CI's demo server runs them.

Only what a loopback test server cannot have changes: no HTTPS redirect (no
TLS in front), no registration rate limit (the fuzzer and the load test send
many requests from one address), static and media files in a scratch folder.
"""

import os

from example_site.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STATIC_ROOT = os.environ["RENCONTRES_STATIC_ROOT"]
MEDIA_ROOT = os.environ["RENCONTRES_MEDIA_ROOT"]
WAGTAILRENCONTRES_REGISTRATION_RATE_LIMIT = 0
