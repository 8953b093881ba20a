"""A search backend that is always down, for environments without a search-server client."""

from wagtail.search.backends.base import BaseSearchBackend


class DownSearchBackend(BaseSearchBackend):
    """Fails like an unreachable server: every call raises ``ConnectionError``."""

    catch_indexing_errors = True

    def _down(self, *args, **kwargs):
        raise ConnectionError("Connection refused")

    search = autocomplete = add = add_bulk = delete = _down
