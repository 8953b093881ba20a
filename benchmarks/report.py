"""Cost growth across sizes: ``python -m benchmarks report results/A.json results/B.json …``.

Reads the JSON files of runs at several sizes (``benchmarks/run.sh --sizes``),
prints and writes a table of each scenario's p50 at each size and its growth
from the smallest to the largest size, with the growth budgets of issue #13,
which compare 1,000 and 100,000 events.
"""

import argparse
import json
from pathlib import Path

#: scenario: the most its p50 may grow from 1k to 100k events
GROWTH_BUDGETS = {
    "typed-list": 2,
    "typed-list-programme": 2,
    "typed-list-built": 2,
    "typed-list-programme-built": 2,
    "html-agenda": 2,
    "search-database": 2,
    "search-elasticsearch": 2,
    "search-opensearch": 2,
    "ics-feed-uncapped": 100,
}


def growth_table(reports):
    reports = sorted(reports, key=lambda report: report["size"])
    sizes = [report["size"] for report in reports]
    budgeted = sizes[0] == 1_000 and sizes[-1] == 100_000
    header = " | ".join(f"{size:,}" for size in sizes)
    lines = [
        f"### Cost growth, p50 in ms ({', '.join(f'{size:,}' for size in sizes)} events)",
        "",
        f"| scenario | {header} | growth | budget |",
        "|---|" + "---:|" * len(sizes) + "---:|---|",
    ]
    for name in reports[0]["scenarios"]:
        p50s = [report["scenarios"].get(name, {}).get("p50_ms") for report in reports]
        if None in p50s:
            continue
        growth = round(p50s[-1] / p50s[0], 2)
        limit = GROWTH_BUDGETS.get(name)
        if limit is None:
            verdict = ""
        elif budgeted:
            verdict = f"at most {limit}x: {'holds' if growth <= limit else 'missed'}"
        else:
            verdict = f"at most {limit}x from 1k to 100k: not measured"
        cells = " | ".join(str(p50) for p50 in p50s)
        lines.append(f"| {name} | {cells} | {growth}x | {verdict} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", nargs="+")
    parser.add_argument("--output", help="write the table to this Markdown file")
    args = parser.parse_args(argv)
    table = growth_table([json.loads(Path(path).read_text()) for path in args.reports])
    if args.output:
        Path(args.output).write_text(table)
    print(table)
