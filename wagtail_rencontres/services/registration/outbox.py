"""Mails waiting to go: recorded with the change that causes them, sent once it commits.

Each mail is a :class:`~wagtail_rencontres.models.RegistrationMail` row,
created in the registration's transaction and handed to the task backend
only after the commit, so a mail failure never loses or blocks a
registration, and a rolled-back registration sends nothing.
"""

import logging
from functools import partial

from django.db import transaction

from wagtail_rencontres.enums import MailStatus
from wagtail_rencontres.models.registration import RegistrationMail
from wagtail_rencontres.services.registration import mails

logger = logging.getLogger("wagtail_rencontres.registration")


def queue_mail(registration, kind):
    """Record a mail and send it through the task backend once the transaction commits."""
    mail = RegistrationMail.objects.create(registration=registration, kind=kind)
    transaction.on_commit(partial(enqueue_mail, mail.pk))
    return mail


def enqueue_mail(mail_id):
    """Hand a recorded mail to the task backend."""
    try:
        mails.send_registration_mail.enqueue(mail_id)
    except Exception:  # the mail stays queued, visible and retryable in the admin
        logger.exception("Could not enqueue registration mail %s", mail_id)


def retry(failed_mails):
    """Queue failed (or stuck queued) mails again; returns how many were queued."""
    count = 0
    for mail in failed_mails:
        if mail.status != MailStatus.SENT:
            mail.status = MailStatus.QUEUED
            mail.save(update_fields=["status"])
            enqueue_mail(mail.pk)
            count += 1
    return count
