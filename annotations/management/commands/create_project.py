from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from annotations.models import Project
from annotations.services import project_create


class Command(BaseCommand):
    help = "Create a project: create_project SLUG --name NAME [--labels a,b,c] [--overlap N]"

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--name", required=True)
        parser.add_argument("--labels", help="comma-separated stance labels (default: alleges,denies,no_comment)")
        parser.add_argument("--overlap", type=int, default=2, help="annotators per article (default 2)")
        parser.add_argument("--no-suggestions", action="store_true", help="hide machine suggestions")

    def handle(self, *args, slug, name, labels, overlap, no_suggestions, **options):
        if Project.objects.filter(slug=slug).exists():
            raise CommandError(f"A project with slug {slug!r} already exists.")
        label_list = [x.strip() for x in labels.split(",")] if labels else None
        try:
            project = project_create(
                slug=slug, name=name, labels=label_list, overlap=overlap,
                show_suggestions=not no_suggestions,
            )
        except ValidationError as exc:
            raise CommandError("; ".join(_messages(exc))) from exc
        self.stdout.write(
            f"Created project {project.slug!r} ({project.name}); labels: {', '.join(project.labels)}; "
            f"overlap: {project.overlap}"
        )


def _messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "message_dict"):
        return [f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items()]
    return list(exc.messages)
