"""Choice lists shared by models, blocks, forms and the API.

Values are stable identifiers used in the database and the API; labels are
translatable and shown to editors and visitors.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventStatus(models.TextChoices):
    """Where an event stands, independent of Wagtail's live/draft state."""

    SCHEDULED = "scheduled", pgettext_lazy("event status", "Scheduled")
    RESCHEDULED = "rescheduled", pgettext_lazy("event status", "Rescheduled")
    POSTPONED = "postponed", pgettext_lazy("event status", "Postponed")
    MOVED_ONLINE = "moved_online", pgettext_lazy("event status", "Moved online")
    FULL = "full", pgettext_lazy("event status", "Full")
    CANCELLED = "cancelled", pgettext_lazy("event status", "Cancelled")


class AttendanceMode(models.TextChoices):
    OFFLINE = "offline", _("In person")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("Hybrid (in person and online)")


class TemporalStatus(models.TextChoices):
    PAST = "past", pgettext_lazy("temporal status", "Past")
    ONGOING = "ongoing", pgettext_lazy("temporal status", "Ongoing")
    UPCOMING = "upcoming", pgettext_lazy("temporal status", "Upcoming")


class RegistrationMode(models.TextChoices):
    NONE = "none", _("No registration")
    INTERNAL = "internal", _("Registration form on this site")
    EXTERNAL = "external", _("External registration link")


class SessionFormat(models.TextChoices):
    """Formats of a programme session (a time slot within a day)."""

    WELCOME = "welcome", _("Welcome")
    INTRODUCTION = "introduction", _("Introduction")
    TALK = "talk", _("Talk")
    ROUND_TABLE = "round_table", _("Round table")
    REVERSE_CONFERENCE = "reverse_conference", _("Reverse conference")
    TESTIMONIES = "testimonies", _("Testimonies")
    WORKSHOP = "workshop", _("Workshop")
    DEBATE = "debate", _("Debate")
    NETWORKING = "networking", _("Networking time")
    BREAK = "break", pgettext_lazy("session format", "Break")
    LUNCH = "lunch", _("Lunch")
    CLOSING = "closing", _("Closing")
    OTHER = "other", pgettext_lazy("session format", "Other")


class OrganisationKind(models.TextChoices):
    RESOURCE_CENTRE = "resource_centre", _("Resource centre")
    STATE_SERVICE = "state_service", _("State service")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    RESEARCH_LAB = "research_lab", _("Research laboratory")
    ASSOCIATION = "association", _("Association")
    FUNDER = "funder", _("Funder")
    CITIZENS_COUNCIL = "citizens_council", _("Citizens' council")
    SOCIAL_LANDLORD = "social_landlord", _("Social landlord")
    COMPANY = "company", _("Company")
    OTHER = "other", pgettext_lazy("organisation kind", "Other")


class PartnerRole(models.TextChoices):
    """Role of an organisation in one event."""

    ORGANISER = "organiser", _("Organiser")
    CO_ORGANISER = "co_organiser", _("Co-organiser")
    PARTNER = "partner", _("Partner")
    FUNDER = "funder", _("Co-funder")


class RegistrationStatus(models.TextChoices):
    """Where one registration stands."""

    CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
    WAITLISTED = "waitlisted", pgettext_lazy("registration status", "On the waiting list")
    PENDING = "pending", pgettext_lazy("registration status", "Awaiting approval")
    APPROVED = "approved", pgettext_lazy("registration status", "Approved")
    REFUSED = "refused", pgettext_lazy("registration status", "Refused")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")

    @classmethod
    def seat_holding(cls):
        """Statuses that use a place: counted against every capacity."""
        return (cls.CONFIRMED, cls.PENDING, cls.APPROVED)


class RegistrationClosedReason(models.TextChoices):
    """Why a registration form does not accept registrations."""

    NO_REGISTRATION = "no_registration", _("This event takes no registration.")
    EXTERNAL = "external", _("Registration happens on another site.")
    NOT_OPEN_YET = "not_open_yet", _("Registration is not open yet.")
    DEADLINE_PASSED = "deadline_passed", _("The registration deadline has passed.")
    FULL = "full", _("The event is full.")
    CANCELLED = "cancelled", _("The event is cancelled.")
    POSTPONED = "postponed", _("The event is postponed.")
    PAST = "past", _("The event is over.")


class MailKind(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("mail kind", "Confirmation")
    WAITLISTED = "waitlisted", pgettext_lazy("mail kind", "Waiting list")
    PENDING = "pending", pgettext_lazy("mail kind", "Awaiting approval")
    APPROVED = "approved", pgettext_lazy("mail kind", "Approval")
    REFUSED = "refused", pgettext_lazy("mail kind", "Refusal")
    PROMOTED = "promoted", pgettext_lazy("mail kind", "Promotion from the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("mail kind", "Cancellation")
    UPDATED = "updated", pgettext_lazy("mail kind", "Update")


class MailStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("mail status", "Queued")
    SENT = "sent", pgettext_lazy("mail status", "Sent")
    FAILED = "failed", pgettext_lazy("mail status", "Failed")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("webhook delivery status", "Pending")
    DELIVERED = "delivered", pgettext_lazy("webhook delivery status", "Delivered")
    FAILED = "failed", pgettext_lazy("webhook delivery status", "Failed")
