"""The activity report in the admin's Reports menu, with CSV and XLSX exports of every table.

Built on Wagtail's ``ReportView``: its listing (one row per event held), filter
drawer and spreadsheet exports serve the report; the other tables (totals,
audiences, organisations, territories, months) ride on the same filters and
are exported by the same machinery with ``?table=…&export=csv|xlsx``.
"""

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from wagtail_rencontres.admin_views import PERMISSION
from wagtail_rencontres.models import EventFormat, Theme, Venue
from wagtail_rencontres.services import activity, charts, i18n, queries

app_name = "wagtail_rencontres_activity"

# Column headings and figures: counts of people, not one person's state.
PRESENT = pgettext_lazy("activity report", "Present")
REGISTERED = pgettext_lazy("activity report", "Registered")


def _default_locale(model):
    return model.objects.filter(locale__language_code=i18n.default_language_code())


def _venue_choices(field):
    values = Venue.objects.exclude(**{field: ""}).order_by(field).values_list(field, flat=True)
    return [(value, value) for value in dict.fromkeys(values)]


class ActivityFilterSet(django_filters.FilterSet):
    """Period (a year by default), theme, format, cycle, région and département."""

    date_from = django_filters.DateFilter(
        label=_("From"), method="keep", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = django_filters.DateFilter(
        label=_("To"), method="keep", widget=forms.DateInput(attrs={"type": "date"})
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), queryset=lambda request: _default_locale(Theme), method="by_theme"
    )
    format = django_filters.ModelChoiceFilter(
        label=_("Format"), queryset=lambda request: _default_locale(EventFormat), method="by_format"
    )
    cycle = django_filters.ModelChoiceFilter(
        label=_("Cycle"),
        queryset=lambda request: _default_locale(queries.cycle_model()),
        method="by_cycle",
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=lambda: _venue_choices("region"), method="by_place"
    )
    department = django_filters.ChoiceFilter(
        label=_("Département"), choices=lambda: _venue_choices("department"), method="by_place"
    )

    def keep(self, queryset, name, value):
        # The period chooses the events themselves: ActivityReportView.get_queryset.
        return queryset

    def by_theme(self, queryset, name, value):
        return queries.filter_relations(queryset, themes=[value.slug])

    def by_format(self, queryset, name, value):
        return queries.filter_relations(queryset, formats=[value.slug])

    def by_cycle(self, queryset, name, value):
        return queries.filter_relations(queryset, cycles=[value.pk])

    def by_place(self, queryset, name, value):
        return queries.filter_place(queryset, **{name: value})


def _neutralise(value):
    # Cells starting with = + - @ run as formulas in spreadsheets.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


class ActivityReportView(ReportView):
    """Figures, charts and tables of the events held in a period."""

    page_title = _("Activity report")
    header_icon = "table"
    template_name = "wagtail_rencontres/admin/activity_report.html"
    results_template_name = "wagtail_rencontres/admin/activity_report_results.html"
    index_url_name = f"{app_name}:index"
    index_results_url_name = f"{app_name}:results"
    filterset_class = ActivityFilterSet
    paginate_by = None
    export_filename = "activity"
    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        str: {ReportView.FORMAT_CSV: _neutralise, ReportView.FORMAT_XLSX: _neutralise},
    }
    columns = [
        TitleColumn("title", label=_("Event")),
        Column("start", label=_("Start")),
        Column("venue", label=_("Venue")),
        Column("registered", label=REGISTERED),
        Column("present", label=PRESENT),
        Column("waiting", label=_("Waiting list")),
    ]
    tables = {
        "events": {
            "title": _("Event"),
            "start": _("Start"),
            "venue.name": _("Venue"),
            "registered": REGISTERED,
            "present": PRESENT,
            "waiting": _("Waiting list"),
        },
        "totals": {"figure": _("Figure"), "value": _("Value")},
        "audiences": {
            "name": _("Audience category"),
            "registered": REGISTERED,
            "present": PRESENT,
        },
        "organisation_kinds": {
            "name": _("Type of organisation"),
            "registered": REGISTERED,
            "present": PRESENT,
        },
        "organisations": {
            "name": _("Organisation"),
            "registered": REGISTERED,
            "present": PRESENT,
        },
        "regions": {"region": _("Region"), "events": _("Events"), "present": PRESENT},
        "departments": {
            "department_code": _("Code"),
            "department": _("Département"),
            "events": _("Events"),
            "present": PRESENT,
        },
        "months": {"month": _("Month"), "events": _("Events"), "present": PRESENT},
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filterset_kwargs(self):
        # The filter set's model is the site's event page class, known at run time.
        return {**super().get_filterset_kwargs(), "queryset": queries.event_model().objects.none()}

    @cached_property
    def period(self):
        start, end = activity.default_period()
        if self.filters and self.filters.is_valid():
            start = self.filters.form.cleaned_data.get("date_from") or start
            end = self.filters.form.cleaned_data.get("date_to") or end
        return start, end

    def get_queryset(self):
        return activity.held_events(*self.period)

    def get_filename(self):
        start, end = self.period
        return f"activity-{self.table}-{start:%Y%m%d}-{end:%Y%m%d}"

    @cached_property
    def table(self):
        table = self.request.GET.get("table", "events")
        return table if table in self.tables else "events"

    @cached_property
    def events(self):
        return self.filter_queryset(self.get_queryset())

    def get_filtered_queryset(self):
        return activity.per_event(self.events)

    def rows(self, table):
        """The rows of one table, for the page and the exports."""
        events = self.events
        if table == "totals":
            return self.totals
        if table == "audiences":
            return [
                {**row, "name": row["name"] or str(_("Not given"))}
                for row in activity.by_audience(events)
            ]
        if table == "organisation_kinds":
            return [
                {**row, "name": str(row["name"]) or str(_("Not given"))}
                for row in activity.by_organisation_kind(events)
            ]
        if table == "organisations":
            return [
                {**row, "name": row["name"] or str(_("Not known"))}
                for row in activity.by_organisation(events)
            ]
        if table == "regions":
            return activity.by_territory(events, ["region"])
        if table == "departments":
            return activity.by_territory(events, ["department_code", "department"])
        return activity.by_month(events)

    @cached_property
    def totals(self):
        figures = activity.totals(self.events)
        rate = figures["no_show_rate"]
        return [
            {"figure": str(_("Events held")), "value": figures["events"]},
            {"figure": str(REGISTERED), "value": figures["registered"]},
            {"figure": str(PRESENT), "value": figures["present"]},
            {"figure": str(_("No-show rate (%)")), "value": "—" if rate is None else rate},
            {"figure": str(_("Waiting list")), "value": figures["waiting"]},
        ]

    def render_to_response(self, context, **response_kwargs):
        if self.is_export:
            self.list_export = list(self.tables[self.table])
            # Evaluated now, in the request's language: the CSV streams after the view.
            self.export_headings = {k: str(v) for k, v in self.tables[self.table].items()}
            rows = context["object_list"] if self.table == "events" else self.rows(self.table)
            return self.as_spreadsheet(rows, self.request.GET.get("export"))
        return super().render_to_response(context, **response_kwargs)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if self.is_export:
            return context
        audiences, regions = self.rows("audiences"), self.rows("regions")
        organisation_kinds = self.rows("organisation_kinds")
        months = [{**row, "month": f"{row['month']:%Y-%m}"} for row in self.rows("months")]
        survey = activity.satisfaction(self.events)
        context.update(
            period=self.period,
            totals=self.totals,
            audiences=audiences,
            audiences_chart=charts.bars(audiences, "name", "present"),
            organisations=self.rows("organisations"),
            organisation_kinds=organisation_kinds,
            organisation_kinds_chart=charts.bars(organisation_kinds, "name", "present"),
            regions=regions,
            regions_chart=charts.bars(
                [{**row, "region": row["region"] or str(_("Not given"))} for row in regions],
                "region",
                "present",
            ),
            departments=self.rows("departments"),
            months=months,
            months_chart=charts.series(months, "month", "present"),
            satisfaction=survey,
            exports={table: self.export_urls(table) for table in self.tables},
        )
        return context

    def export_urls(self, table):
        """``{"csv": url, "xlsx": url}`` exporting ``table`` with the current filters."""
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        query["table"] = table
        urls = {}
        for spreadsheet_format in self.FORMATS:
            query["export"] = spreadsheet_format
            urls[spreadsheet_format] = f"{self.index_url}?{query.urlencode()}"
        return urls


class ActivityResultsView(ActivityReportView):
    results_only = True


urlpatterns = [
    path("", ActivityReportView.as_view(), name="index"),
    path("results/", ActivityResultsView.as_view(), name="results"),
]
