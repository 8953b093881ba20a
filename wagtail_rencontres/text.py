"""Plain text helpers shared by every layer, from models to search."""

import re
import unicodedata

# Letters that Unicode decomposition leaves whole but French writes as two.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def fold(text):
    """``text`` without accents or ligatures: "Œuvrer à l'égalité" → "OEuvrer a l'egalite".

    Search documents carry a folded copy of their text, so that "egalite"
    finds "égalité" whatever the backend's own analysis does with accents.
    """
    text = text or ""
    if text.isascii():  # nothing to fold: most titles and names of a programme
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Elided articles and pronouns (l', d', qu', jusqu'…), with a straight or curly apostrophe.
_ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def _light_stem(word):
    """A light French stem: no plural ``s``/``x``, then no final ``e`` (words of 4+ letters)."""
    if len(word) > 3 and word[-1] in "sx":
        word = word[:-1]
    if len(word) > 3 and word[-1] == "e":
        word = word[:-1]
    return word


def french_words(text):
    """A light French normalisation of ``text``, for search on backends without French analysis.

    Elisions are dropped ("l'égalité" → "égalité"), then each word is
    lowercased, folded (:func:`fold`) and lightly stemmed: "Femmes" and
    "femme" both give "femm", "égalités" and "l'égalité" give "egalit". The
    same function normalises the indexed text and the query, so that they meet.
    """
    words = _WORD.findall(fold(_ELISION.sub(" ", text or "")).lower())
    return " ".join(_light_stem(word) for word in words)


#: Words too common in French to narrow a suggestion: articles, prepositions,
#: conjunctions (the core of Lucene's ``_french_`` stop words).
FRENCH_STOP_WORDS = frozenset([
    "a", "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux",
    "il", "je", "la", "le", "les", "leur", "lui", "ma", "mais", "me", "meme", "mes", "moi",
    "mon", "ne", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui",
    "sa", "se", "ses", "son", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos",
    "votre", "vous", "y",
])  # fmt: skip


def autocomplete_words(text):
    """The words of ``text`` that narrow a suggestion, lowercased, elisions and stop words dropped.

    "politique de la" gives "politique": without it, "de" and "la" would
    match the edge n-grams of nearly every event on a search server. Text
    made of stop words only is kept as typed (lowercased), so that "de"
    still suggests what begins with it.
    """
    words = _WORD.findall(_ELISION.sub(" ", text or "").lower())
    kept = [word for word in words if fold(word) not in FRENCH_STOP_WORDS]
    return " ".join(kept or words)
