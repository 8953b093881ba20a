"""Registers the admin's views, hooks and editor assets; their logic lives elsewhere."""

from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from wagtail_rencontres import (
    admin_checkin,
    admin_copy,
    admin_dashboard,
    admin_deadline,
    admin_report,
    admin_survey,
)
from wagtail_rencontres import admin_views as views
from wagtail_rencontres.admin_webhooks import WebhookDeliveryViewSet
from wagtail_rencontres.pages.registration import RegistrationPageMixin
from wagtail_rencontres.services import queries
from wagtail_rencontres.viewsets import EventListingViewSet, RencontresViewSetGroup

register_snippet(RencontresViewSetGroup)


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [
        path(
            "rencontres/registrations/",
            include((views.urlpatterns, views.app_name), namespace=views.app_name),
        ),
        path(
            "rencontres/survey/",
            include(
                (admin_survey.urlpatterns, admin_survey.app_name), namespace=admin_survey.app_name
            ),
        ),
        path(
            "rencontres/checkin/",
            include(
                (admin_checkin.urlpatterns, admin_checkin.app_name),
                namespace=admin_checkin.app_name,
            ),
        ),
    ]


@hooks.register("register_admin_urls")
def register_copy_urls():
    return [
        path(
            "rencontres/copy-next-year/",
            include((admin_copy.urlpatterns, admin_copy.app_name), namespace=admin_copy.app_name),
        )
    ]


@hooks.register("insert_editor_js")
def programme_list_labels_js():
    return format_html(
        '<script src="{}"></script>', static("wagtail_rencontres/js/admin-list-labels.js")
    )


@hooks.register("insert_global_admin_css")
def programme_list_labels_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("wagtail_rencontres/css/admin.css")
    )


hooks.register("before_edit_page", admin_deadline.on_opening_the_editor)
hooks.register("after_edit_page", admin_deadline.on_publishing)


@hooks.register("register_permissions")
def register_registration_permission():
    return Permission.objects.filter(
        content_type__app_label="wagtail_rencontres", codename="manage_registrations"
    )


@hooks.register("register_log_actions")
def register_registration_log_actions(actions):
    actions.register_action(
        "wagtail_rencontres.registrations_anonymised",
        _("Anonymise registrations"),
        _("Registrations anonymised after the retention period"),
    )


@hooks.register("register_admin_viewset")
def register_event_listing():
    return EventListingViewSet()


@hooks.register("register_admin_viewset")
def register_webhook_deliveries():
    return WebhookDeliveryViewSet("rencontres_webhook_deliveries")


@hooks.register("construct_homepage_panels")
def add_coming_events_panel(request, panels):
    panels.append(admin_dashboard.ComingEventsPanel(request.user))


@hooks.register("register_admin_urls")
def register_activity_report_urls():
    return [
        path(
            "reports/rencontres-activity/",
            include(
                (admin_report.urlpatterns, admin_report.app_name), namespace=admin_report.app_name
            ),
        )
    ]


class ActivityReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_reports_menu_item")
def register_activity_report_menu_item():
    return ActivityReportMenuItem(
        _("Activity report"),
        reverse(f"{admin_report.app_name}:index"),
        name="rencontres-activity",
        icon_name="table",
        order=900,
    )


def _page_buttons(page, user):
    """The package's buttons of a page: (label, URL name, icon, priority) each, where allowed.

    **Copy for next year** and **Survey results** on event pages the user may copy
    or edit, **Registrations** on pages taking registrations, for those who manage them.
    """
    page_class = page.specific_class or object
    if issubclass(page_class, queries.event_model()):
        permissions = page.permissions_for_user(user)
        if permissions.can_copy():
            yield _("Copy for next year"), f"{admin_copy.app_name}:copy", "copy", 35
        if permissions.can_edit():
            yield _("Survey results"), f"{admin_survey.app_name}:results", "list-ul", 55
    if issubclass(page_class, RegistrationPageMixin) and user.has_perm(views.PERMISSION):
        yield _("Registrations"), f"{views.app_name}:list", "group", 45


@hooks.register("register_page_listing_more_buttons")
def page_listing_buttons(page, user, next_url=None):
    for label, url_name, icon, priority in _page_buttons(page, user):
        yield widgets.Button(
            label, reverse(url_name, args=[page.pk]), icon_name=icon, priority=priority
        )


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name=None, next_url=None):
    yield from page_listing_buttons(page, user)
