"""Plain text helpers shared by every layer, from models to search."""

import unicodedata

# Letters that Unicode decomposition leaves whole but French writes as two.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def fold(text):
    """``text`` without accents or ligatures: "Œuvrer à l'égalité" → "OEuvrer a l'egalite".

    Search documents carry a folded copy of their text, so that "egalite"
    finds "égalité" whatever the backend's own analysis does with accents.
    """
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))
