"""The draft of an event for the headless preview: ``GET /events/preview?token=…``.

Only a valid token (:mod:`wagtail_rencontres.services.preview`) opens it; the
answer is the same representation as a live event's, built from the token's
revision, and is never stored by a cache.
"""

from django.http import HttpResponse
from ninja import Field, Schema

from wagtail_rencontres.api import schemas
from wagtail_rencontres.api.errors import Errors, not_found
from wagtail_rencontres.api.params import NO_NUL, RencontresRouter, Strict
from wagtail_rencontres.api.routers import event_with_jsonld
from wagtail_rencontres.services import preview

router = RencontresRouter(tags=["preview"])


class PreviewQuery(Schema):
    token: str = Field(
        "",
        max_length=1000,
        pattern=NO_NUL,
        description=(
            "The token the admin's headless preview gave the front end: it names one revision "
            "of one page and expires after a few minutes. Without a valid one: 404."
        ),
    )


@router.get(
    "/events/preview",
    response={200: schemas.EventDetail, 400: Errors, 404: Errors},
    summary="Get the draft of an event for a preview",
)
def event_preview(request, response: HttpResponse, query: Strict(PreviewQuery)):
    """The event as the token's revision holds it; 404 for a token forged, expired or
    naming anything but an event page's revision. Restricted sessions keep their
    public outline only, as on a live event."""
    response["Cache-Control"] = "private, no-store"
    event = preview.draft_event(query.token)
    if event is None:
        return not_found()
    return event_with_jsonld(event, request)
