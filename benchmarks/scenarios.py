"""What the benchmark measures: the scenarios of issue #13 on a generated site, in process.

Each :class:`Scenario` is one request (or one editor action) the run repeats;
:func:`scenarios` finds their targets in the database (an upcoming French
event with a full programme and registration, a theme…). Requests go through
Django's test client: the whole stack (middleware, URL routing, views,
templates, database) without a socket, so that queries can be counted
exactly (``CaptureQueriesContext``) and memory traced (``tracemalloc``).
The registration race, where a server does add something (several
processes, one database), runs against gunicorn (:mod:`benchmarks.race`).

:func:`query_budgets` measures the query budgets of :mod:`benchmarks.budgets`.
"""

import json
import time
import tracemalloc
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from wagtail.models import Locale

from benchmarks.budgets import QUERY_BUDGETS, is_transaction_control
from wagtail_rencontres.enums import EventStatus, RegistrationMode
from wagtail_rencontres.models import Audience, Speaker, Theme
from wagtail_rencontres.services import queries

LIST = "/api/rencontres/events?when=upcoming&locale=fr"
V2_LIST = "/api/v2/events/?when=upcoming&locale=fr&fields=*"
UNCAPPED = 10_000_000
#: Upcoming events whose programmes a budget cuts short: more than any list shows.
LISTED = 200
IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
#: The typed API without its response cache: every request builds its answer.
BUILT = {"WAGTAILRENCONTRES_API_RESPONSE_CACHE": None}


@dataclass
class Scenario:
    """One measured thing: a GET (``path``) or an action (``action``), repeated ``per_round``."""

    name: str
    group: str
    path: str = ""
    action: object = None
    per_round: int = 3
    settings: dict = field(default_factory=dict)
    references: tuple = ()  # names of the scenarios its p50 is compared with
    stream: bool = False  # report time to first byte and peak memory
    # Its queries counted in its first round's run only, at every size alike; later
    # rounds repeat it while that run took under ``REPEAT_UNDER_SECONDS`` (a
    # feed of every event: seconds at 1,000 events, minutes at 100,000).
    once: bool = False


#: A ``once`` scenario whose first run took longer is not repeated in later rounds.
REPEAT_UNDER_SECONDS = 30


@dataclass
class Sample:
    seconds: float
    first_byte: float
    status: int
    size: int


class Targets:
    """The pages and records the scenarios name, found once in the generated site."""

    def __init__(self):
        upcoming = queries.filter_when(queries.visible_events(locale=_locale("fr")), "upcoming")
        # Registration is open: scheduled (not cancelled, postponed or full), internal form.
        self.event = upcoming.filter(
            registration_mode=RegistrationMode.INTERNAL, status=EventStatus.SCHEDULED
        ).first()
        self.plain_event = upcoming.filter(registration_mode=RegistrationMode.NONE).first()
        if self.event is None or self.plain_event is None:
            raise SystemExit("No upcoming event to measure: generate the site first.")
        self.theme = Theme.objects.filter(locale__language_code="fr").order_by("pk").first()
        self.agenda = self.event.get_parent()
        self.editor = get_user_model().objects.filter(is_superuser=True).first()
        if self.editor is None:
            self.editor = get_user_model().objects.create_superuser(
                "bench-editor", "editor@example.org", None
            )


def _locale(code):
    return Locale.objects.get(language_code=code)


def client():
    return Client(HTTP_HOST="127.0.0.1")


def scenarios(targets):
    """Every scenario of the run, references first."""
    event, plain = targets.event, targets.plain_event
    agenda = targets.agenda.url
    theme = targets.theme.slug
    publisher = Publisher(targets)
    registrar = Registrar(targets)
    return [
        Scenario("floor", "agenda list", "/bench/floor/events?locale=fr&limit=50"),
        Scenario("typed-list", "agenda list", f"{LIST}&limit=50", references=("floor",)),
        Scenario(
            "typed-list-programme",
            "agenda list",
            f"{LIST}&limit=50&expand=programme",
            references=("floor", "v2-events-list"),
        ),
        # The same answers built each time, as after any change (the response cache off).
        Scenario(
            "typed-list-built",
            "agenda list",
            f"{LIST}&limit=50",
            settings=BUILT,
            references=("floor",),
        ),
        Scenario(
            "typed-list-programme-built",
            "agenda list",
            f"{LIST}&limit=50&expand=programme",
            settings=BUILT,
            references=("floor", "v2-events-list"),
        ),
        Scenario("v2-events-list", "agenda list", f"{V2_LIST}&limit=50", references=("floor",)),
        Scenario(
            "v2-pages-list",
            "agenda list",
            f"/api/v2/pages/?type={_type(event)}&locale=fr&fields=*&limit=50",
            references=("floor",),
        ),
        Scenario("html-agenda", "agenda list", f"{agenda}?when=upcoming", references=("floor",)),
        Scenario("html-agenda-past", "agenda list", f"{agenda}?when=past&page=3"),
        Scenario("typed-detail", "event detail", f"/api/rencontres/events/{event.pk}"),
        Scenario(
            "typed-detail-built",
            "event detail",
            f"/api/rencontres/events/{event.pk}",
            settings=BUILT,
            references=("typed-detail",),
        ),
        Scenario(
            "v2-detail",
            "event detail",
            f"/api/v2/events/{event.pk}/?fields=*",
            references=("typed-detail",),
        ),
        Scenario(
            "v2-pages-detail",
            "event detail",
            f"/api/v2/pages/{event.pk}/?fields=*",
            references=("typed-detail",),
        ),
        Scenario("html-event", "event detail", event.url, references=("typed-detail",)),
        Scenario("html-event-plain", "event detail", plain.url, references=("typed-detail",)),
        Scenario("ics-event", "ics", f"/rencontres/ics/events/{event.pk}.ics", stream=True),
        Scenario("ics-feed", "ics", "/rencontres/ics/events.ics", per_round=1, stream=True),
        Scenario(
            "ics-feed-uncapped",
            "ics",
            "/rencontres/ics/events.ics",
            per_round=1,
            settings={"WAGTAILRENCONTRES_ICS_MAX_EVENTS": UNCAPPED},
            stream=True,
            once=True,
        ),
        Scenario(
            f"search-{settings.RENCONTRES_SEARCH_BACKEND}",
            "search",
            f"/api/rencontres/search?q=quartiers&theme={theme}&locale=fr&limit=20",
        ),
        Scenario("publish", "editing", action=publisher, per_round=1),
        Scenario("registration", "registration", action=registrar, per_round=2),
    ]


def _type(event):
    meta = type(event)._meta
    return f"{meta.app_label}.{meta.object_name}"


class Publisher:
    """An editor's publication of the event with a full programme: a new title, published.

    Counted until the search index is up to date: the indexing tasks run in process.
    """

    def __init__(self, targets):
        self.targets = targets
        self.count = 0

    def __call__(self):
        self.count += 1
        page = queries.event_model().objects.get(pk=self.targets.event.pk)
        page.title = f"{page.title.split(' #')[0]} #{self.count}"
        # The tasks publishing queues (search indexing) run at once: they are its cost too.
        with override_settings(TASKS=IMMEDIATE_TASKS):
            page.save_revision(user=self.targets.editor).publish(user=self.targets.editor)
        return 200


class Registrar:
    """A registration through the API to the event with a form (unlimited places).

    The request records the registration and queues its mail, as in production;
    the mail task runs in a worker, outside the count.
    """

    def __init__(self, targets):
        self.targets = targets

    def __call__(self, client_=None):
        event = self.targets.event
        payload = {
            "first_name": "Bench",
            "last_name": "Mark",
            "email": f"{uuid.uuid4().hex}@example.org",
            "organisation": "Benchmarks",
            "consent": True,
        }
        response = (client_ or client()).post(
            f"/api/rencontres/events/{event.pk}/registrations",
            json.dumps(payload),
            content_type="application/json",
        )
        return response.status_code


def perform(scenario, http):
    """Run ``scenario`` once: a :class:`Sample` (times in seconds)."""
    started = time.perf_counter()
    with override_settings(**scenario.settings):
        if scenario.action is not None:
            status = scenario.action()
            elapsed = time.perf_counter() - started
            return Sample(elapsed, elapsed, status, 0)
        response = http.get(scenario.path)
        if response.streaming:
            chunks = iter(response.streaming_content)
            first = next(chunks, b"")
            first_byte = time.perf_counter() - started
            size = len(first) + sum(len(chunk) for chunk in chunks)
        else:
            first_byte = time.perf_counter() - started
            size = len(response.content)
    return Sample(time.perf_counter() - started, first_byte, response.status_code, size)


def count_queries(scenario, http=None):
    """SQL statements of one run of ``scenario`` (streamed bodies included) that read
    or write rows, and every captured query (transaction control included).

    Query budgets count the statements that read or write rows; BEGIN, COMMIT
    and savepoints are reported apart (:func:`transaction_statements`), as
    ``tests/perf`` counts them. A first, uncounted run fills the process's
    caches (site root paths, default locale, content types), as any request
    after a worker's first one finds them.
    """
    http = http or client()
    perform(scenario, http)
    with CaptureQueriesContext(connection) as captured:
        sample = perform(scenario, http)
    if not 200 <= sample.status < 300:
        raise RuntimeError(f"{scenario.name}: HTTP {sample.status} for {scenario.path}")
    queries = captured.captured_queries
    return len(queries) - transaction_statements(queries), queries


def transaction_statements(queries):
    """How many of the captured ``queries`` are transaction control."""
    return sum(1 for query in queries if is_transaction_control(query["sql"]))


def peak_memory(scenario, http=None):
    """Peak Python memory (bytes) traced while running ``scenario`` once."""
    tracemalloc.start()
    try:
        perform(scenario, http or client())
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# Query budgets


@dataclass
class BudgetResult:
    name: str
    description: str
    measured: str
    held: bool
    details: dict = field(default_factory=dict)


def _get(path, **settings):
    """A request whose queries a budget counts: the typed API builds its answer."""
    return Scenario(path, "budget", path, settings={**BUILT, **settings})


def _counts(make, sizes=(1, 10, 50)):
    return {size: count_queries(make(size))[0] for size in sizes}


def _constant(name, counts, labels=None):
    labels = labels or {key: str(key) for key in counts}
    measured = ", ".join(f"{labels[key]}: {value}" for key, value in counts.items())
    return BudgetResult(
        name, QUERY_BUDGETS[name][0], measured, len(set(counts.values())) == 1, counts
    )


def _at_most(name, count):
    limit = QUERY_BUDGETS[name][1]
    return BudgetResult(name, QUERY_BUDGETS[name][0], f"{count} (at most {limit})", count <= limit)


def _with_small_programmes(measure):
    """``measure()`` with the listed events' programmes cut to two sessions (rolled back).

    One session is open to all with one speaker (with an organisation), the
    other restricted to one audience: French records, as the generator's
    programmes hold, so that a small programme needs every kind of
    record a full one does.
    """
    model = queries.event_model()
    # The generator's records are French, whatever the site's default language.
    french = _locale("fr")
    speaker = Speaker.objects.filter(organisation__isnull=False, locale=french).first()
    audience = Audience.objects.filter(locale=french).first()
    # The lists measured show the first 50 upcoming events: only theirs are cut
    # (every programme of a 100,000-event site would not fit in memory at once).
    shown = queries.filter_when(queries.visible_events(locale=french), "upcoming")
    shown = list(shown.values_list("pk", flat=True)[:LISTED])
    with transaction.atomic():
        for pk, value in model.objects.filter(pk__in=shown).values_list("pk", "programme"):
            if not value:
                continue
            day = value.raw_data[0]
            open_session, restricted = (dict(day["value"]["sessions"][i]) for i in (0, 1))
            open_session["value"] = {
                **open_session["value"],
                "restricted_audiences": [],
                "speakers": [
                    {
                        **open_session["value"]["speakers"][0],
                        "value": {"speaker": speaker.pk, "role": ""},
                    }
                ],
            }
            restricted["value"] = {
                **restricted["value"],
                "speakers": [],
                "restricted_audiences": [
                    {"type": "item", "id": str(uuid.uuid4()), "value": audience.pk}
                ],
            }
            day["value"]["sessions"] = [open_session, restricted]
            model.objects.filter(pk=pk).update(programme=[day])
        value = measure()
        transaction.set_rollback(True)
    return value


def query_budgets(targets):
    """Measure every budget of :data:`benchmarks.budgets.QUERY_BUDGETS`."""
    event, plain = targets.event, targets.plain_event
    results = [
        _constant("typed-list-page-size", _counts(lambda n: _get(f"{LIST}&limit={n}"))),
        _constant(
            "typed-list-programme-page-size",
            _counts(lambda n: _get(f"{LIST}&limit={n}&expand=programme")),
        ),
    ]
    full = count_queries(_get(f"{LIST}&limit=50&expand=programme"))[0]
    small = _with_small_programmes(
        lambda: count_queries(_get(f"{LIST}&limit=50&expand=programme"))[0]
    )
    results.append(
        _constant(
            "typed-list-programme-size",
            {"full": full, "small": small},
            {"full": "full programmes", "small": "two-session programmes"},
        )
    )
    results.append(_constant("v2-list-page-size", _counts(lambda n: _get(f"{V2_LIST}&limit={n}"))))
    full = count_queries(_get(f"{V2_LIST}&limit=50"))[0]
    small = _with_small_programmes(lambda: count_queries(_get(f"{V2_LIST}&limit=50"))[0])
    results.append(
        _constant(
            "v2-list-programme-size",
            {"full": full, "small": small},
            {"full": "full programmes", "small": "two-session programmes"},
        )
    )
    agenda = targets.agenda.url
    results.append(
        _constant(
            "html-agenda-page-size",
            _counts(
                lambda n: _get(f"{agenda}?when=upcoming", WAGTAILRENCONTRES_AGENDA_PAGE_SIZE=n)
            ),
        )
    )
    pages = max(count_queries(_get(event.url))[0], count_queries(_get(plain.url))[0])
    results.append(_at_most("html-event-page", pages))
    results.append(
        _at_most("publish", count_queries(Scenario("p", "", action=Publisher(targets)))[0])
    )
    count, captured = count_queries(Scenario("r", "", action=Registrar(targets)))
    registration = _at_most("registration", count)
    registration.measured += f"; {transaction_statements(captured)} transaction-control besides"
    results.append(registration)
    return results


def explain_list_queries(targets):
    """``EXPLAIN ANALYZE`` of the typed list's queries on the event table (PostgreSQL).

    The list's page query and its count: at 100,000 events each must use an
    index (issue #13). Returns ``[(sql, plan)]``; empty on other databases.
    Past ``WAGTAILRENCONTRES_API_EXACT_COUNT_LIMIT`` the list reads its count
    from an ``EXPLAIN`` of its own: that statement is a plan already, left out.
    """
    if connection.vendor != "postgresql":
        return []
    table = queries.event_model()._meta.db_table
    captured = count_queries(_get(f"{LIST}&limit=50"))[1]
    plans = []
    for query in captured:
        sql = query["sql"]
        if sql.lstrip().upper().startswith("EXPLAIN"):
            continue
        if f'FROM "{table}"' in sql and ("LIMIT" in sql or "COUNT(" in sql):
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN ANALYZE {sql}")
                plans.append((sql, "\n".join(row[0] for row in cursor.fetchall())))
    return plans
