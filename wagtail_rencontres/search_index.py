"""Keep the search index in step with what publishing commits.

Wagtail reindexes a page on ``post_save``, which fires before modelcluster
commits the page's many-to-many relations (themes, audiences): with an
immediate task backend the index would hold the previous themes until the
next save. Reindexing on ``page_published``, sent once everything is saved,
closes that gap. Errors are handled as Wagtail does: logged, never blocking
publication on a search server (``update_index`` repairs later).
"""

from wagtail.search import index
from wagtail.signals import page_published


def reindex_published_page(sender, instance, **kwargs):
    from wagtail_rencontres.models import CyclePageMixin, EventPageMixin

    if isinstance(instance, EventPageMixin | CyclePageMixin):
        index.insert_or_update_object(instance)


def register_signal_handlers():
    page_published.connect(reindex_published_page, dispatch_uid="rencontres_reindex_published")
