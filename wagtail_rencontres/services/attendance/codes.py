"""The check-in code of a registrant: signed, scoped to one registration, drawn as a QR code.

The code signs the registration's secret token (renewed on anonymisation, so
an anonymised registration's code opens nothing) with its own salt: it cannot
open the self-service page, and a self-service link cannot check anyone in.
"""

import io
import uuid

import segno
from django.core import signing

SALT = "wagtail_rencontres.checkin"


def checkin_code(registration):
    """The text of the registrant's QR code: ``<token hex>:<signature>``."""
    return signing.Signer(salt=SALT).sign(registration.token.hex)


def token_of(code):
    """The registration token a code signs, or ``None`` when the code is forged or malformed."""
    try:
        return uuid.UUID(hex=signing.Signer(salt=SALT).unsign((code or "").strip()))
    except (signing.BadSignature, ValueError):
        return None


def qr_png(registration, scale=6):
    """The registrant's QR code as PNG bytes (segno), for a mail attachment."""
    buffer = io.BytesIO()
    segno.make(checkin_code(registration), error="m").save(buffer, kind="png", scale=scale)
    return buffer.getvalue()


def qr_svg(registration, title):
    """The registrant's QR code as inline SVG, with ``title`` as its text alternative."""
    return segno.make(checkin_code(registration), error="m").svg_inline(
        scale=5, title=title, svgclass="rencontres-qr", border=4
    )
