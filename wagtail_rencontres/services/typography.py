"""French typography: spaces that never break where French typesetting forbids it.

:func:`french` turns the ordinary spaces of dates and times into non-breaking
ones ("16 h 30", "28 novembre 2024" never break across lines) and puts a
narrow non-breaking space before ``; : ! ?`` and inside « ». It leaves HTML
tags and entities alone, so it works on escaped text and on rich text.
"""

import re

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space, the French "espace fine insécable"

MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_TIME = re.compile(r"\b(\d{1,2}) h(?: (\d{2}))?\b")
_DATE = re.compile(rf"\b(\d{{1,2}}|1er) ({MONTHS})(?: (\d{{4}}))?\b", re.IGNORECASE)
# After a word, not a digit or a URL's slash; ":" only before a space, so
# 9:30 and https:// keep theirs.
_BEFORE_SIGN = re.compile(r"(?<=[^\s\d/=])[ \u00a0\u202f]*([!?;]|:(?=\s|$))")
_OPENING_QUOTE = re.compile(r"«[ \u00a0\u202f]*")
_CLOSING_QUOTE = re.compile(r"[ \u00a0\u202f]*»")
# Tags and entities (&amp;) are kept as they are.
_MARKUP = re.compile(r"(<[^>]*>|&#?\w+;)")


def _text(text):
    text = _TIME.sub(lambda m: f"{m[1]}{NBSP}h" + (f"{NBSP}{m[2]}" if m[2] else ""), text)
    text = _DATE.sub(lambda m: f"{m[1]}{NBSP}{m[2]}" + (f"{NBSP}{m[3]}" if m[3] else ""), text)
    text = _BEFORE_SIGN.sub(lambda m: f"{NNBSP}{m[1]}", text)
    text = _OPENING_QUOTE.sub(f"«{NNBSP}", text)
    return _CLOSING_QUOTE.sub(f"{NNBSP}»", text)


def french(text):
    """``text`` with French non-breaking spaces; HTML tags and entities are kept."""
    return "".join(
        part if _MARKUP.fullmatch(part) else _text(part) for part in _MARKUP.split(str(text))
    )
