"""Print the statements found in a plain UTF-8 text file as a JSON array."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from annotations.extraction import extract
from annotations.importers import DATE_TOKEN_RE

KEYS = ("source", "source_org", "stance", "start", "end", "claim", "claim_group")


class Command(BaseCommand):
    help = "Print, as a JSON array, the attributed statements found in a plain UTF-8 text file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="path of a UTF-8 text file")
        parser.add_argument("--lang", choices=("nl", "en"), help="language; detected when omitted")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise CommandError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise CommandError(f"{path}: is a directory, not a text file") from None
        except OSError as e:
            raise CommandError(f"{path}: cannot be read ({e.strerror})") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise CommandError(f"{path}: not valid UTF-8 (byte {e.start})") from None
        # A first token "date YYYY-MM[-DD]" dates the article, as import reads it: no part of its
        # text, so no claim starts with it; offsets still point into the text as read.
        dated = DATE_TOKEN_RE.match(text)
        cut = dated.end() if dated else 0
        rows = []
        for s in extract(text[cut:], options.get("lang")):
            row = {k: getattr(s, k) for k in KEYS}
            row["start"] += cut
            row["end"] += cut
            rows.append(row)
        self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
