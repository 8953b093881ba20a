"""The full benchmark run on the generated site in ``DATABASE_URL``.

    python -m benchmarks run --rounds 5 --output benchmarks/results

Scenarios (:mod:`benchmarks.scenarios`) are measured interleaved: each round
runs every scenario in turn (``per_round`` times), rotating the order, so that
a slower moment of the machine falls on all of them alike. Then the streamed
ones are run once more under ``tracemalloc`` (peak memory, apart from the
timed runs since tracing slows Python down), the query budgets are measured,
and the registration race runs against gunicorn.

Writes ``<output>/<date>-<size>.json`` and ``.md``; the Markdown table is the
one ``docs/explanation/performance.md`` shows.
"""

import argparse
import datetime as dt
import json
import os
import platform
import statistics
from contextlib import nullcontext
from pathlib import Path

import django
import wagtail
from django.db import connection
from wagtail.models import Locale

from benchmarks import race
from benchmarks.budgets import KNOWN_MISSED, TIME_BUDGETS, StatementCounter
from benchmarks.scenarios import (
    REPEAT_UNDER_SECONDS,
    Targets,
    client,
    count_queries,
    explain_list_queries,
    peak_memory,
    perform,
    query_budgets,
    scenarios,
)
from wagtail_rencontres.services import queries


def machine():
    """What the figures were measured on."""
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "unknown"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT 1")
        database = cursor.fetchone()[0] if connection.vendor == "postgresql" else connection.vendor
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": memory,
        "database": str(database).split(" on ")[0],
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
    }


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def measure(all_scenarios, rounds):
    """Timed samples of every scenario, interleaved round by round, and the query
    counts of the scenarios measured once (``{name: count}``)."""
    http = client()
    samples = {scenario.name: [] for scenario in all_scenarios}
    counted = {}
    for scenario in all_scenarios:  # warm-up: caches, connections, compiled templates
        if not scenario.once:
            perform(scenario, http)
    for round_number in range(rounds):
        shift = round_number % len(all_scenarios)
        for scenario in all_scenarios[shift:] + all_scenarios[:shift]:
            if scenario.once and round_number and not _cheap(samples[scenario.name]):
                continue
            for _repeat in range(scenario.per_round):
                # Counting costs a little: only where no other run counts.
                counter = StatementCounter()
                counting = scenario.once and not round_number
                with connection.execute_wrapper(counter) if counting else nullcontext():
                    sample = perform(scenario, http)
                if not 200 <= sample.status < 300:
                    raise RuntimeError(f"{scenario.name}: HTTP {sample.status}")
                samples[scenario.name].append(sample)
                if counting:
                    counted[scenario.name] = counter.count
    return samples, counted


def _cheap(taken):
    """Whether a ``once`` scenario's first run was quick enough to repeat."""
    return bool(taken) and taken[0].seconds < REPEAT_UNDER_SECONDS


def summarise(all_scenarios, samples):
    rows = {}
    for scenario in all_scenarios:
        taken = samples[scenario.name]
        seconds = [sample.seconds for sample in taken]
        rows[scenario.name] = {
            "group": scenario.group,
            "target": scenario.path or scenario.action.__class__.__name__,
            "samples": len(seconds),
            "per_second": round(len(seconds) / sum(seconds), 1),
            "p50_ms": round(statistics.median(seconds) * 1000, 1),
            "p95_ms": round(percentile(seconds, 0.95) * 1000, 1),
            "first_byte_ms": (
                round(statistics.median(s.first_byte for s in taken) * 1000, 1)
                if scenario.stream
                else None
            ),
            "bytes": taken[-1].size,
            "references": list(scenario.references),
        }
    for row in rows.values():
        row["ratios"] = {
            name: round(row["p50_ms"] / rows[name]["p50_ms"], 2) for name in row["references"]
        }
    return rows


def time_budgets(rows, race_result, race_floor=None):
    listed = rows["typed-list-programme"]
    built = rows["typed-list-programme-built"]["ratios"]
    results = {
        "list-programme-vs-floor": (
            f"{listed['ratios']['floor']}x the floor from the response cache; "
            f"built each time: {built['floor']}x",
            listed["ratios"]["floor"] <= 3,
        ),
        "list-programme-vs-v2": (
            f"{listed['ratios']['v2-events-list']}x v2 from the response cache; "
            f"built each time: {built['v2-events-list']}x",
            listed["ratios"]["v2-events-list"] < 1,
        ),
    }
    if race_result is not None:
        floor = f" (the floor: {race_floor.per_second}/s)" if race_floor else ""
        results["registrations-per-second"] = (
            f"{race_result.per_second}/s{floor}, {race_result.overbooked} overbooked",
            race_result.per_second >= 100 and race_result.overbooked == 0,
        )
    return {name: {"measured": m, "held": held} for name, (m, held) in results.items()}


def markdown(report):
    """The Markdown table of one run."""
    lines = [
        f"### {report['size']:,} events ({report['pages']:,} event pages with translations), "
        f"{report['date']}",
        "",
        "Machine: {nproc} CPUs ({cpu}), {memory} RAM, {database}; Python {python}, "
        "Django {django}, Wagtail {wagtail}.".format(**report["machine"]),
        f"In process, {report['rounds']} interleaved rounds. Registration race on gunicorn.",
    ]
    generation = report.get("generation")
    if generation:
        parts = ", ".join(f"{name} {seconds} s" for name, seconds in generation["timings"].items())
        lines.append(f"Generated in {generation['timings']['total']} s ({parts}).")
    lines += [
        "",
        "| scenario | group | req/s | p50 ms | p95 ms | TTFB ms | peak MiB | queries "
        "| ratios (p50) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for name, row in report["scenarios"].items():
        ratios = ", ".join(f"{value}x {ref}" for ref, value in row["ratios"].items())
        first_byte = "" if row["first_byte_ms"] is None else row["first_byte_ms"]
        memory = report["memory_mib"].get(name, "")
        lines.append(
            f"| {name} | {row['group']} | {row['per_second']} | {row['p50_ms']} | "
            f"{row['p95_ms']} | {first_byte} | {memory} | {row['queries']} | {ratios} |"
        )
    race_result = report.get("race")
    if race_result:
        lines += [
            "",
            "Registration race: {clients} concurrent submissions, capacity {capacity}, "
            "{workers} gunicorn workers: {per_second} registrations/s, p50 {p50} ms, "
            "p95 {p95} ms, answers {statuses}, {confirmed} seats taken, {overbooked} "
            "overbooked, {queries_per_registration} queries per registration, worker peak "
            "RSS {worker_peak_rss_mib} MiB.".format(**race_result),
        ]
    race_floor = report.get("race_floor")
    if race_floor:
        lines += [
            "",
            "Its floor, the same race to `/bench/floor/events/<id>/registrations` (a row "
            "lock, a count, an insert): {per_second} registrations/s, p50 {p50} ms, "
            "{overbooked} overbooked.".format(**race_floor),
        ]
    lines += ["", "| budget | measured | verdict |", "|---|---|---|"]
    for result in report["query_budgets"]:
        verdict = "holds" if result["held"] else "missed"
        if not result["held"] and result["name"] in KNOWN_MISSED:
            verdict = "missed (known)"
        lines.append(f"| {result['description']} | {result['measured']} | {verdict} |")
    for name, result in report["time_budgets"].items():
        verdict = "holds" if result["held"] else "missed"
        lines.append(f"| {TIME_BUDGETS[name]} | {result['measured']} | {verdict} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--output", default="benchmarks/results")
    parser.add_argument(
        "--race-workers", type=int, default=None, help="gunicorn workers (default: one per core)"
    )
    parser.add_argument("--race-clients", type=int, default=200)
    parser.add_argument("--race-port", type=int, default=18213)
    parser.add_argument("--no-race", action="store_true", help="skip the registration race")
    parser.add_argument("--generation", help="JSON file written by generate --timings")
    args = parser.parse_args(argv)

    targets = Targets()
    all_scenarios = scenarios(targets)
    model = queries.event_model()
    default = Locale.get_default()
    report = {
        "date": dt.date.today().isoformat(),
        "size": model.objects.filter(locale=default).count(),
        "pages": model.objects.count(),
        "rounds": args.rounds,
        "machine": machine(),
        "generation": json.loads(Path(args.generation).read_text()) if args.generation else None,
    }
    print(f"Measuring {report['size']} events, {args.rounds} rounds…", flush=True)
    samples, counted = measure(all_scenarios, args.rounds)
    rows = summarise(all_scenarios, samples)
    for scenario in all_scenarios:
        rows[scenario.name]["queries"] = counted.get(scenario.name) or count_queries(scenario)[0]
    report["scenarios"] = rows
    # Traced apart from the timed runs: tracemalloc slows Python down.
    report["memory_mib"] = {
        s.name: round(peak_memory(s) / 1024 / 1024, 1) for s in all_scenarios if s.stream
    }
    report["query_budgets"] = [vars(result) for result in query_budgets(targets)]
    report["explain"] = [{"sql": sql, "plan": plan} for sql, plan in explain_list_queries(targets)]
    race_result = race_floor = None
    if not args.no_race:
        print("Registration race on gunicorn…", flush=True)
        race_options = {
            "workers": args.race_workers,
            "clients": args.race_clients,
            "port": args.race_port,
        }
        race_floor = race.run(target="floor", **race_options)
        race_result = race.run(**race_options)
        report["race_floor"] = race_floor.as_dict()
        report["race"] = race_result.as_dict()
    report["time_budgets"] = time_budgets(rows, race_result, race_floor)
    output = Path(args.output)
    output.mkdir(parents=True, exist_ok=True)
    stem = output / f"{report['date']}-{report['size']}"
    stem.with_suffix(".json").write_text(json.dumps(report, indent=1, default=str) + "\n")
    table = markdown(report)
    stem.with_suffix(".md").write_text(table)
    explain = "\n\n".join(f"{item['sql']}\n\n{item['plan']}" for item in report["explain"])
    Path(f"{stem}-explain.txt").write_text(explain + "\n")
    print(table)
    print(f"Written {stem}.json, {stem}.md and {stem}-explain.txt")
