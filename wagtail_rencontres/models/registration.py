"""Registration: per-event extra questions, registration records and their mails.

Built on Wagtail's forms contrib: :class:`RegistrationFormField` is an
``AbstractFormField`` (an editor's extra question) and :class:`Registration`
an ``AbstractFormSubmission`` whose ``form_data`` keeps the answers to those
questions, while core fields (name, email, organisation…) are columns so
that they can be searched, exported and erased.
"""

import hashlib
import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormField, AbstractFormSubmission

from wagtail_rencontres.enums import MailKind, MailStatus, OrganisationKind, RegistrationStatus


def consent_version(text):
    """A short, stable version of a consent text: the first 12 hex digits of its SHA-256."""
    return hashlib.sha256((text or "").strip().encode("utf-8")).hexdigest()[:12]


class AbstractRegistrationQuestion(AbstractFormField):
    """An extra question of a registration form; subclasses give the page it belongs to
    (see :mod:`wagtail_rencontres.relations.models`)."""

    class Meta(AbstractFormField.Meta):
        abstract = True
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")


class Registration(AbstractFormSubmission):
    """One person's registration to an event or to a whole cycle (``page``).

    A cycle registration covers every session of the cycle: it is listed on
    each session's registrations and counts against a session's capacity.

    ``form_data`` (from ``AbstractFormSubmission``) holds the answers to the
    event's extra questions, keyed by their ``clean_name``.
    """

    status = models.CharField(
        verbose_name=_("status"),
        max_length=12,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
        db_index=True,
    )
    first_name = models.CharField(verbose_name=_("first name"), max_length=100, blank=True)
    last_name = models.CharField(verbose_name=_("last name"), max_length=100, blank=True)
    email = models.EmailField(
        verbose_name=_("email"),
        blank=True,
        help_text=_("Stored in lower case; erased when the registration is anonymised."),
    )
    organisation = models.CharField(verbose_name=_("organisation"), max_length=255, blank=True)
    organisation_kind = models.CharField(
        verbose_name=_("type of organisation"),
        max_length=32,
        choices=OrganisationKind.choices,
        blank=True,
        help_text=_(
            "Kept when the registration is anonymised: the activity report counts "
            "participants by type of organisation."
        ),
    )
    function = models.CharField(verbose_name=_("function"), max_length=255, blank=True)
    audience = models.ForeignKey(
        "wagtail_rencontres.Audience",
        verbose_name=_("audience category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    workshops = models.JSONField(
        verbose_name=_("workshops"),
        default=list,
        blank=True,
        help_text=_("Ids of the programme sessions chosen at registration."),
    )
    language = models.CharField(verbose_name=_("language"), max_length=10, blank=True)
    consent_version = models.CharField(verbose_name=_("consent version"), max_length=12)
    consent_text = models.TextField(verbose_name=_("consent text accepted"), blank=True)
    consent_at = models.DateTimeField(verbose_name=_("consent given at"), null=True)
    token = models.UUIDField(
        default=uuid.uuid4,
        editable=False,
        unique=True,
        help_text=_("Secret part of the self-service link; renewed on anonymisation."),
    )
    idempotency_key = models.CharField(max_length=128, blank=True, editable=False)
    request_fingerprint = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("SHA-256 of the API request; the same key with another body is refused."),
    )
    updated_at = models.DateTimeField(verbose_name=_("updated"), auto_now=True)
    status_changed_at = models.DateTimeField(verbose_name=_("status changed"), null=True)
    anonymised_at = models.DateTimeField(verbose_name=_("anonymised"), null=True, blank=True)

    def __str__(self):
        if self.anonymised_at:
            return str(_("Anonymised registration #%(pk)s") % {"pk": self.pk})
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def holds_seat(self):
        return self.status in RegistrationStatus.seat_holding()

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["submit_time", "pk"]
        permissions = [
            (
                "manage_registrations",
                _("Can see, export and manage registrants' personal data"),
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "email"],
                condition=~Q(status=RegistrationStatus.CANCELLED) & ~Q(email=""),
                name="rencontres_registration_unique_email",
            ),
            models.UniqueConstraint(
                fields=["page", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="rencontres_registration_unique_idempotency_key",
            ),
        ]
        indexes = [models.Index(fields=["page", "status"], name="rencontres_reg_page_status")]


class RegistrationMail(models.Model):
    """One mail to a registrant, kept so that a failed delivery is visible and retryable."""

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="mails",
    )
    kind = models.CharField(verbose_name=_("kind"), max_length=12, choices=MailKind.choices)
    status = models.CharField(
        verbose_name=_("status"),
        max_length=8,
        choices=MailStatus.choices,
        default=MailStatus.QUEUED,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(verbose_name=_("attempts"), default=0)
    error = models.TextField(verbose_name=_("last error"), blank=True)
    created_at = models.DateTimeField(verbose_name=_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(verbose_name=_("sent"), null=True, blank=True)

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    class Meta:
        verbose_name = _("registration mail")
        verbose_name_plural = _("registration mails")
        ordering = ["created_at", "pk"]


__all__ = [
    "Registration",
    "RegistrationMail",
    "consent_version",
]
