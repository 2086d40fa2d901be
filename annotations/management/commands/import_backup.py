from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from annotations.models import Project
from annotations.services.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a JSONL backup (export_stances --format jsonl) into an empty project, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("file", metavar="FILE")

    def handle(self, *args, slug, file, **options):
        try:
            project = Project.objects.get(slug=slug)
        except Project.DoesNotExist as exc:
            raise CommandError(f"No project with slug {slug!r}.") from exc
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file.")
        limit = max(settings.IMPORT_MAX_BYTES, 1024**3)
        if path.stat().st_size > limit:
            raise CommandError(f"{file}: the file is larger than {limit:,} bytes.")
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CommandError(f"{file}: not UTF-8 text.") from exc
        try:
            report = backup_restore(project=project, text=text)
        except BackupError as exc:
            raise CommandError(f"{file}, {exc}; nothing was imported.") from exc
        self.stdout.write(
            f"restored {report.articles} articles, {report.claims} claims, {report.units} units, "
            f"{report.stances} judgements, {report.resolutions} resolutions, {report.members} members, "
            f"{report.clusters} tracked claims, {report.assignments} assignments, {report.verdicts} verdicts, "
            f"{report.project_changes} set-up changes "
            f"({report.sources} new sources, {len(report.users_created)} new users)"
        )
