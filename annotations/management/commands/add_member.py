from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from annotations.models import Membership, Project
from annotations.services import membership_add


class Command(BaseCommand):
    help = "Add a member to a project, creating the user if missing."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Membership.Role.values)
        parser.add_argument("--password", help="set the user's password")

    def handle(self, *args, slug, username, role, password, **options):
        try:
            project = Project.objects.get(slug=slug)
        except Project.DoesNotExist as exc:
            raise CommandError(f"No project with slug {slug!r}.") from exc
        try:
            _, created = membership_add(project=project, username=username, role=role, password=password)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        verb = "Created user" if created else "User"
        self.stdout.write(f"{verb} {username!r} is now {role} of {slug!r}.")
        if created and not password:
            self.stdout.write("The user has no password yet: pass --password to let them log in.")
