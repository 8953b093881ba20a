"""The models that point at the event and cycle page classes.

They are a second app so that a site's own page classes, which refer to the
package's snippets, migrate between the two: ``wagtail_rencontres`` first, then
the site's pages, then these relations (see docs/reference/models.md).
"""
