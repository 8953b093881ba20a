"""The example site's search page: results of every type, with facets to narrow down."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language

from wagtail_rencontres.forms import SearchForm
from wagtail_rencontres.services import search as search_service

PAGE_SIZE = 10
FACET_PARAMETERS = {"themes": "theme", "formats": "format", "regions": "region", "years": "year"}


def _selected(cleaned):
    return search_service.Filters(
        themes=cleaned["theme"],
        formats=cleaned["format"],
        regions=cleaned["region"],
        years=cleaned["year"],
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
    form = SearchForm(request.GET)
    valid = form.is_valid()
    query = form.cleaned_data.get("q", "")
    context = {"query": query, "results": None, "facets": [], "error": None}
    if not valid:
        context["error"] = form.error_text()
        return render(request, "demo/search.html", context, status=400)
    filters = _selected(form.cleaned_data)
    status = 200
    if query:
        paginator = Paginator(_Window(0), PAGE_SIZE)
        page_number = form.cleaned_data["page"] or 1
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
