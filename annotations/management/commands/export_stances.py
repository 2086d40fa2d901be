import os
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from annotations import exports
from annotations.models import Project


class Command(BaseCommand):
    help = (
        "Export a project's units as CSV, JSONL (the backup format) or its published verdicts as ClaimReview "
        "JSON-LD; the same export as GET /api/v1/projects/SLUG/export/."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--format", choices=exports.FORMATS, default="csv")
        parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
        parser.add_argument("--sql", action="store_true",
                            help="print the SQL the CSV export runs on PostgreSQL, and stop")
        parser.add_argument("--layout", choices=exports.LAYOUTS, default="unit",
                            help="one row per unit (default) or per judgement")
        parser.add_argument("--status", choices=exports.STATUSES)
        parser.add_argument("--label")
        parser.add_argument("--article", type=int)
        parser.add_argument("--published-from", metavar="YYYY-MM-DD")
        parser.add_argument("--published-to", metavar="YYYY-MM-DD")
        parser.add_argument("--bom", action="store_true", help="start the CSV with a UTF-8 BOM")
        parser.add_argument("--method", choices=["auto", "copy", "python"], default="auto",
                            help="CSV path: COPY (PostgreSQL) or Python; auto picks COPY on PostgreSQL")

    def handle(self, *args, slug, output, sql, method, **options):
        try:
            project = Project.objects.get(slug=slug)
        except Project.DoesNotExist as exc:
            raise CommandError(f"No project with slug {slug!r}.") from exc
        query = {
            "format": options["format"], "layout": options["layout"], "status": options["status"] or "",
            "label": options["label"] or "", "article": str(options["article"] or ""),
            "published_from": options["published_from"] or "", "published_to": options["published_to"] or "",
            "bom": "1" if options["bom"] else "",
        }
        try:
            opts = exports.ExportOptions.from_query(query, project=project)
        except exports.ExportError as exc:
            raise CommandError(str(exc)) from exc
        if sql:
            if connection.vendor != "postgresql":
                raise CommandError("--sql shows the PostgreSQL query; set DATABASE_URL to a PostgreSQL database.")
            self.stdout.write(exports.copy_statement(exports.export_sql(project, opts), opts.delimiter) + ";")
            return
        if opts.format == "csv":
            if method == "copy" and connection.vendor != "postgresql":
                raise CommandError("--method copy needs PostgreSQL.")
            chunks = exports.iter_csv(project, opts, method=method)
        else:
            chunks = exports.iter_export(project, opts)
        if output:
            # Judgements are confidential: the file is the owner's only (0600), whatever the umask.
            fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "wb") as handle:
                for chunk in chunks:
                    handle.write(chunk)
        else:
            out = getattr(self.stdout, "_out", sys.stdout)
            stream = getattr(out, "buffer", None)
            for chunk in chunks:
                if stream is not None:
                    stream.write(chunk)
                else:
                    out.write(chunk.decode("utf-8"))
            if stream is not None:
                stream.flush()
