"""The example site's search page: results of every type, with facets to narrow down."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language

from wagtail_rencontres.services import search as search_service

PAGE_SIZE = 10
FACET_PARAMETERS = {"themes": "theme", "formats": "format", "regions": "region", "years": "year"}


def _selected(request):
    years = []
    for value in request.GET.getlist("year"):
        if value.isdigit():
            years.append(int(value))
    return search_service.Filters(
        themes=request.GET.getlist("theme"),
        formats=request.GET.getlist("format"),
        regions=request.GET.getlist("region"),
        years=years,
    )


class _Window:
    """What Paginator needs to page through results counted by the backend."""

    def __init__(self, count):
        self._count = count

    def count(self):
        return self._count

    def __getitem__(self, key):
        return []


def search_view(request):
    query = request.GET.get("q", "").strip()[:200]
    filters = _selected(request)
    context = {"query": query, "results": None, "facets": [], "error": None}
    status = 200
    if query:
        paginator = Paginator(_Window(0), PAGE_SIZE)
        try:
            page_number = max(1, int(request.GET.get("page", 1)))
        except ValueError:
            page_number = 1
        try:
            results = search_service.search(
                query,
                filters=filters,
                language_code=get_language(),
                limit=PAGE_SIZE,
                offset=(page_number - 1) * PAGE_SIZE,
            )
        except search_service.SearchUnavailable as error:
            context["error"] = str(error)
            status = 503
        else:
            paginator = Paginator(_Window(results.count), PAGE_SIZE)
            chosen = {
                "themes": filters.themes,
                "formats": filters.formats,
                "regions": filters.regions,
                "years": filters.years,
            }
            context.update(
                results=results,
                page_obj=paginator.get_page(page_number),
                facets=[
                    {
                        "name": name,
                        "parameter": FACET_PARAMETERS[name],
                        "values": [
                            {**value, "selected": value["value"] in chosen[name]}
                            for value in results.facets[name]
                        ],
                    }
                    for name in search_service.FACETS
                    if results.facets[name]
                ],
            )
    return render(request, "demo/search.html", context, status=status)
