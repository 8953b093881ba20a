"""A search backend that is always down, and the API's answer when search is down."""

from wagtail.search.backends.base import BaseSearchBackend

from tests.sites import site_text


def unavailable():
    """The API's 503 body when the search server cannot answer, in the site's language."""
    return {
        "detail": [
            site_text(
                "Le service de recherche est indisponible pour le moment. "
                "Merci de réessayer plus tard."
            )
        ]
    }


class DownSearchBackend(BaseSearchBackend):
    """Fails like an unreachable server: every call raises ``ConnectionError``."""

    catch_indexing_errors = True

    def _down(self, *args, **kwargs):
        raise ConnectionError("Connection refused")

    search = autocomplete = add = add_bulk = delete = _down
