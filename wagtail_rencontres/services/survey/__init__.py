"""The satisfaction survey: invitations to present registrants, anonymous answers, results.

See :mod:`.invitations` (links and mails), :mod:`.responses` (answers and
results) and :mod:`.forms` (the form and the scale convention).
"""

import operator
from functools import reduce

from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from wagtail_rencontres.models.survey import SurveyResponse
from wagtail_rencontres.relations.models import SurveyQuestion
from wagtail_rencontres.services.survey.forms import form_class, questions, scale_values
from wagtail_rencontres.services.survey.invitations import (
    send_due,
    send_for,
    signed_token,
    survey_url,
    unsign_token,
)
from wagtail_rencontres.services.survey.responses import (
    AlreadyAnswered,
    csv_rows,
    results,
    submit,
)

__all__ = [
    "AlreadyAnswered",
    "averages",
    "csv_rows",
    "form_class",
    "questions",
    "results",
    "scale_values",
    "send_due",
    "send_for",
    "signed_token",
    "submit",
    "survey_url",
    "unsign_token",
]


#: A scale answer the database may cast to an integer: a whole number of at
#: most nine digits (longer text, kept from before a question became a scale,
#: is left out rather than overflowing the cast).
SCALE_ANSWER = r"^-?[0-9]{1,9}$"


def averages(events_queryset):
    """The average of the scale answers of the surveys of ``events_queryset``.

    Returns ``{"overall": float|None, "responses": int, "by_event": {event_id: float|None}}``:
    ``overall`` averages every scale answer of every event (``None`` without
    any), ``responses`` counts the survey responses of those events, and
    ``by_event`` gives each event of the queryset its own average (``None``
    when it has no scale answer). Scale questions follow :func:`scale_values`.

    The database sums and counts the answers, grouped by event: each scale
    question name becomes one term, counted only for the events where that
    name is a scale. Three queries, whatever the number of events or answers.
    """
    event_ids = list(events_queryset.values_list("pk", flat=True))
    scale_events = {}
    for question in SurveyQuestion.objects.filter(page_id__in=event_ids):
        if scale_values(question) is not None:
            scale_events.setdefault(question.clean_name, set()).add(question.page_id)
    totals, counts, aliases = [], [], {}
    for n, (name, events) in enumerate(sorted(scale_events.items())):
        alias = f"scale_{n}"
        aliases[alias] = KeyTextTransform(name, "answers")
        counted = Q(event_id__in=sorted(events), **{f"{alias}__regex": SCALE_ANSWER})
        totals.append(Case(When(counted, then=Cast(alias, IntegerField())), default=Value(0)))
        counts.append(Case(When(counted, then=Value(1)), default=Value(0)))
    zero = Value(0, output_field=IntegerField())
    rows = (
        SurveyResponse.objects.filter(event_id__in=event_ids)
        .alias(**aliases)
        .values("event_id")
        .order_by("event_id")
        .annotate(
            responses=Count("pk"),
            total=Sum(reduce(operator.add, totals, zero)),
            answers=Sum(reduce(operator.add, counts, zero)),
        )
    )
    by_event = dict.fromkeys(event_ids)
    responses = total = answers = 0
    for row in rows:
        responses += row["responses"]
        total += row["total"]
        answers += row["answers"]
        if row["answers"]:
            by_event[row["event_id"]] = row["total"] / row["answers"]
    return {
        "overall": total / answers if answers else None,
        "responses": responses,
        "by_event": by_event,
    }
