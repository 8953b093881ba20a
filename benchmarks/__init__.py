"""The benchmark suite of wagtail-rencontres (issue #13): a data generator, scenarios, budgets.

Run it with ``bash benchmarks/run.sh`` (see ``benchmarks/README.md``); pytest
never collects it (``testpaths`` is ``tests``).
"""
