"""The satisfaction survey: invitations to present registrants, anonymous answers, results.

See :mod:`.invitations` (links and mails), :mod:`.responses` (answers and
results) and :mod:`.forms` (the form and the scale convention).
"""

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


def averages(events_queryset):
    """The average of the scale answers of the surveys of ``events_queryset``.

    Returns ``{"overall": float|None, "responses": int, "by_event": {event_id: float|None}}``:
    ``overall`` averages every scale answer of every event (``None`` without
    any), ``responses`` counts the survey responses of those events, and
    ``by_event`` gives each event of the queryset its own average (``None``
    when it has no scale answer). Scale questions follow :func:`scale_values`.
    Three queries, whatever the number of events.
    """
    event_ids = list(events_queryset.values_list("pk", flat=True))
    scales = {}
    for question in SurveyQuestion.objects.filter(page_id__in=event_ids):
        if scale_values(question) is not None:
            scales.setdefault(question.page_id, []).append(question.clean_name)
    numbers = {event_id: [] for event_id in event_ids}
    responses = 0
    rows = SurveyResponse.objects.filter(event_id__in=event_ids).values_list("event_id", "answers")
    for event_id, answers in rows:
        responses += 1
        for name in scales.get(event_id, ()):
            value = str(answers.get(name) or "")
            if value.lstrip("-").isdigit():
                numbers[event_id].append(int(value))
    every = [number for values in numbers.values() for number in values]
    return {
        "overall": sum(every) / len(every) if every else None,
        "responses": responses,
        "by_event": {
            event_id: (sum(values) / len(values) if values else None)
            for event_id, values in numbers.items()
        },
    }
