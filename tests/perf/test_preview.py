"""The preview route reads a draft in the same number of queries whatever its programme."""

from tests.perf.conftest import count_queries, get_ok, programme
from wagtail_rencontres.services import preview

#: Statements of one preview: the token's revision and the page's existence, Wagtail's
#: rebuilding of the page from the revision (its chosen records, one query each), then
#: what the live detail reads.
CEILING = 32


def preview_url(event):
    revision = event.save_revision()
    return f"/api/rencontres/events/preview?token={preview.make_token(event.pk, revision.pk)}"


def test_preview_queries_do_not_grow_with_the_programme(client, full_event, records):
    small = full_event(0, sessions=1)
    large = full_event(1, sessions=1)
    large.programme = programme(large.start.date(), 16, records["speakers"])
    urls = [preview_url(small), preview_url(large)]

    counts = [len(count_queries(lambda url=url: get_ok(client, url))) for url in urls]

    assert counts[0] == counts[1], counts
    assert counts[0] <= CEILING
