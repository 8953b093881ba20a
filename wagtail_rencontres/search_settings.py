"""Ready-to-use search settings for French content.

Elasticsearch 8 / OpenSearch 2: put :data:`FRENCH_INDEX_SETTINGS`, imported
from this module, in the backend's ``INDEX_SETTINGS``. It makes the index's
default analyser French: elision (l', d', qu'…), lowercase, French stop words,
``asciifolding`` ("egalite" finds "égalité") and the light French stemmer
("discrimination" finds "discriminations")::

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",  # or "…opensearch2"
            "URLS": ["http://localhost:9200"],
            "INDEX": "mysite",
            "INDEX_SETTINGS": FRENCH_INDEX_SETTINGS,
        }
    }

PostgreSQL (database backend): use :data:`POSTGRES_SEARCH_CONFIG` as
``SEARCH_CONFIG``. SQLite's FTS5 tokenizer folds accents by itself.

This module only holds data: it is safe to import from a settings file.
"""

FRENCH_ELISION_ARTICLES = [
    "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu",
]  # fmt: skip

FRENCH_ANALYZER = {
    "type": "custom",
    "tokenizer": "standard",
    "filter": [
        "rencontres_french_elision",
        "lowercase",
        "rencontres_french_stop",
        "asciifolding",
        "rencontres_french_stemmer",
    ],
}

FRENCH_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "rencontres_french_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": FRENCH_ELISION_ARTICLES,
                },
                "rencontres_french_stop": {"type": "stop", "stopwords": "_french_"},
                "rencontres_french_stemmer": {"type": "stemmer", "language": "light_french"},
            },
            "analyzer": {
                # "default" applies to every text field Wagtail maps without an
                # explicit analyser, and to queries on them.
                "default": FRENCH_ANALYZER,
                "rencontres_french": FRENCH_ANALYZER,
                # Wagtail's autocomplete analyser, elisions dropped first: the
                # standard tokenizer keeps "l'embauche" whole, whose edge
                # n-grams would never begin with "emb".
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "rencontres_french_elision",
                        "asciifolding",
                        "lowercase",
                        "edgengram",
                    ],
                },
            },
        }
    }
}

POSTGRES_SEARCH_CONFIG = "french"


def search_backend(engine="database", url=None, index_prefix="", timeout=10):
    """A ``WAGTAILSEARCH_BACKENDS["default"]`` entry for ``engine`` with French analysis.

    ``engine`` is ``"database"`` (SQLite or PostgreSQL, whichever the default
    database is), ``"elasticsearch"`` (Elasticsearch 8) or ``"opensearch"``
    (OpenSearch 2).
    """
    if engine in ("database", "sqlite", "postgres"):
        return {
            "BACKEND": "wagtail.search.backends.database",
            "SEARCH_CONFIG": POSTGRES_SEARCH_CONFIG,
        }
    backends = {
        "elasticsearch": "wagtail.search.backends.elasticsearch8",
        "opensearch": "wagtail.search.backends.opensearch2",
    }
    if engine not in backends:
        raise ValueError(f"Unknown search engine {engine!r}")
    return {
        "BACKEND": backends[engine],
        "URLS": [url or "http://localhost:9200"],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": timeout,
        "INDEX_SETTINGS": FRENCH_INDEX_SETTINGS,
    }
