from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from annotations.importers import ImportFileError, parse_bytes
from annotations.models import Project
from annotations.services import articles_import


class Command(BaseCommand):
    help = (
        "Import articles (.txt, .jsonl, .csv) into a project and run extraction. "
        "Each file is imported whole or not at all."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--no-extract", action="store_true", help="skip claim extraction")

    def handle(self, *args, slug, files, no_extract, **options):
        try:
            project = Project.objects.get(slug=slug)
        except Project.DoesNotExist as exc:
            raise CommandError(f"No project with slug {slug!r}.") from exc
        created = skipped = 0
        rejected: list[str] = []
        for name in files:
            path = Path(name)
            try:
                if not path.is_file():
                    raise ImportFileError(name, "no such file")
                if path.stat().st_size > settings.IMPORT_MAX_BYTES:
                    raise ImportFileError(
                        name, f"the file is {path.stat().st_size:,} bytes; the limit is "
                        f"{settings.IMPORT_MAX_BYTES:,}")
                records = parse_bytes(name, path.read_bytes(), max_bytes=settings.IMPORT_MAX_BYTES)
            except ImportFileError as exc:
                rejected.append(str(exc))
                self.stderr.write(f"rejected {exc}")
                continue
            report = articles_import(project=project, records=records, extract=not no_extract)
            for article in report.created:
                self.stdout.write(f"created article {article.pk}: {article.title} ({article.language}, "
                                  f"{article.claims.count()} claims)")
            for record in report.duplicates:
                self.stdout.write(f"skipped as duplicate: {path.name}, line {record.line}: {record.title}")
            created += len(report.created)
            skipped += len(report.duplicates)
        self.stdout.write(f"{created} created, {skipped} skipped as duplicate, {len(rejected)} rejected")
        if rejected:
            raise CommandError(f"{len(rejected)} file(s) rejected; nothing of them was imported.")
