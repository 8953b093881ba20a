"""Relevance benchmark: precision@3 and recall of the search on the demo content.

The queries and their expected results are data (``tests/search/relevance.yaml``),
with each backend's thresholds; ``manage.py search_relevance`` prints the
measures, and ``tests/search/test_relevance.py`` fails below the thresholds.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings
from django.db import connection
from wagtail.search.backends import get_search_backend

from wagtail_rencontres.services import search

BENCHMARK_FILE = Path(settings.BASE_DIR) / "tests" / "search" / "relevance.yaml"
TOP = 3  # precision is measured on the first three hits
DEPTH = 20  # recall on the first page of hits


@dataclass
class Measure:
    """How well one query found what it should."""

    query: str
    expected: list
    found: list  # titles of the first DEPTH hits, in order

    @property
    def precision_at_3(self):
        relevant = sum(1 for title in self.found[:TOP] if title in self.expected)
        return relevant / min(TOP, len(self.expected))

    @property
    def recall(self):
        return sum(1 for title in self.expected if title in self.found) / len(self.expected)


def load(path=BENCHMARK_FILE):
    """The benchmark file as a dict: ``thresholds`` by engine, ``queries``."""
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def engine():
    """``sqlite``, ``postgres``, ``elasticsearch`` or ``opensearch``: what answers searches."""
    module = type(get_search_backend()).__module__
    for name in ("elasticsearch", "opensearch"):
        if name in module:
            return name
    return "postgres" if connection.vendor == "postgresql" else "sqlite"


def measure(queries, language_code="fr"):
    """One :class:`Measure` per query of ``queries`` (``[{q, expected}]``)."""
    measures = []
    for case in queries:
        results = search.search(case["q"], language_code=language_code, limit=DEPTH)
        found = [hit.title for hit in results.hits]
        measures.append(Measure(query=case["q"], expected=list(case["expected"]), found=found))
    return measures


def averages(measures):
    """``(precision@3, recall)`` averaged over ``measures``."""
    count = len(measures) or 1
    return (
        sum(m.precision_at_3 for m in measures) / count,
        sum(m.recall for m in measures) / count,
    )


def report(measures, thresholds):
    """Lines saying how each imperfect query did, then the averages against ``thresholds``."""
    lines = []
    for each in measures:
        if each.precision_at_3 < 1 or each.recall < 1:
            missing = [title for title in each.expected if title not in each.found[:TOP]]
            lines.append(
                f"  {each.query!r}: P@3 {each.precision_at_3:.2f}, "
                f"recall {each.recall:.2f}; not in the top 3: {missing}"
            )
    precision, recall = averages(measures)
    threshold = thresholds.get(engine(), {})
    lines.append(
        f"{engine()}: {len(measures)} queries, precision@3 {precision:.3f} "
        f"(threshold {threshold.get('precision_at_3', 0):.2f}), "
        f"recall {recall:.3f} (threshold {threshold.get('recall', 0):.2f})"
    )
    return "\n".join(lines)
