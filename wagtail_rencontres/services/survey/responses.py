"""Survey answers: taken once per invitation, stored without the registrant, summed up."""

import csv
from collections import Counter

from django.db import transaction
from django.utils import timezone

from wagtail_rencontres.models.survey import SurveyInvitation, SurveyResponse
from wagtail_rencontres.services import dates
from wagtail_rencontres.services.survey.forms import questions, scale_values

#: Field types answered with one of the question's choices, counted per choice.
CHOICE_TYPES = ("radio", "dropdown", "checkbox", "checkboxes", "multiselect")


class AlreadyAnswered(Exception):
    """The invitation's link was used already (or is being used by another request)."""


def submit(event, token, answers):
    """Record ``answers`` to ``event``'s survey for the invitation ``token``, once.

    The invitation is marked used by a conditional update in the same
    transaction as the response is created: of two submissions of one link,
    the second finds no unused row (on PostgreSQL it waits for the first's
    lock, then sees it used) and raises :class:`AlreadyAnswered`. The response
    keeps the event's local day only, and nothing of the invitation.
    """
    with transaction.atomic():
        claimed = SurveyInvitation.objects.filter(token=token, event_id=event.pk, used=False)
        if not claimed.update(used=True):
            raise AlreadyAnswered
        return SurveyResponse.objects.create(
            event_id=event.pk,
            submitted_on=dates.to_local(timezone.now(), event.timezone).date(),
            answers=answers,
        )


def _values(answer):
    if answer in (None, ""):
        return []
    if isinstance(answer, list):
        return [str(item) for item in answer]
    return [str(answer)]


def results(event):
    """Each question of ``event``'s survey with what its answers add up to.

    ``{"responses": n, "questions": [{"question", "kind", "counts", "average", "texts"}]}``:
    ``kind`` is ``"scale"`` (counts per value and average), ``"choice"`` (counts
    per choice) or ``"text"`` (the non-empty answers). Two queries.
    """
    asked = questions(event)
    answers = list(
        SurveyResponse.objects.filter(event_id=event.pk).values_list("answers", flat=True)
    )
    summary = []
    for question in asked:
        given = [value for row in answers for value in _values(row.get(question.clean_name))]
        scale = scale_values(question)
        if scale is not None:
            numbers = [int(value) for value in given if value.lstrip("-").isdigit()]
            counts = Counter(numbers)
            summary.append(
                {
                    "question": question,
                    "kind": "scale",
                    "counts": [(value, counts[value]) for value in scale],
                    "average": sum(numbers) / len(numbers) if numbers else None,
                    "texts": [],
                }
            )
        elif question.field_type in CHOICE_TYPES:
            counts = Counter(given)
            summary.append(
                {
                    "question": question,
                    "kind": "choice",
                    "counts": sorted(counts.items(), key=lambda item: (-item[1], item[0])),
                    "average": None,
                    "texts": [],
                }
            )
        else:
            summary.append(
                {
                    "question": question,
                    "kind": "text",
                    "counts": [],
                    "average": None,
                    "texts": given,
                }
            )
    return {"responses": len(answers), "questions": summary}


class _Echo:
    def write(self, value):
        return value


def csv_rows(event):
    """The CSV lines of ``event``'s responses, one per response (a generator, for streaming)."""
    asked = questions(event)
    writer = csv.writer(_Echo())
    yield writer.writerow(["submitted_on", *(question.label for question in asked)])
    responses = SurveyResponse.objects.filter(event_id=event.pk).order_by("submitted_on")
    for response in responses.iterator():
        yield writer.writerow(
            [
                response.submitted_on.isoformat(),
                *("; ".join(_values(response.answers.get(q.clean_name))) for q in asked),
            ]
        )
