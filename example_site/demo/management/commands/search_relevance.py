from django.core.management.base import BaseCommand

from example_site.demo import relevance


class Command(BaseCommand):
    help = (
        "Print precision@3 and recall of the search on the demo content "
        "(run load_demo first), per query and in total, against the current backend's "
        "thresholds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(relevance.BENCHMARK_FILE))
        parser.add_argument("--language", default="fr")

    def handle(self, *args, file, language, **options):
        benchmark = relevance.load(file)
        measures = relevance.measure(benchmark["queries"], language)
        self.stdout.write(relevance.report(measures, benchmark["thresholds"]))
