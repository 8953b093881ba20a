"""``python -m benchmarks generate|run|smoke|report …``, with Django set up first."""

import importlib
import os
import sys

import django

COMMANDS = {
    "generate": "benchmarks.generate",
    "run": "benchmarks.run",
    "smoke": "benchmarks.smoke",
    "report": "benchmarks.report",
}


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python -m benchmarks {{{'|'.join(COMMANDS)}}} [options]")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    django.setup()
    importlib.import_module(COMMANDS[sys.argv[1]]).main(sys.argv[2:])


main()
