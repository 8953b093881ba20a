"""django-tasks tasks of the package. They stay thin and delegate to services."""

from django_tasks import task


@task()
def send_registration_mail(mail_id):
    """Send one queued registration mail; a failure is recorded on the mail, not raised."""
    from wagtail_rencontres.services import registration_mails

    return registration_mails.deliver(mail_id)
