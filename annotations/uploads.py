"""Uploaded article files checked before anything is stored: count, size, type by content.

The import page and `POST /api/v1/projects/{slug}/import/` take files through these checks.
"""

from __future__ import annotations

import csv
import re

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext

from annotations.importers import csv_header_problem

TEXT_PASTE_NAME = "pasted.txt"
CSV_HEADER_CELL = re.compile(r"^[A-Za-z_][\w -]{0,39}$")


class UploadError(ValueError):
    pass


def sniff_suffix(name: str, data: bytes) -> str:
    """Decide a file's type by its content, never its name: .jsonl, .csv or .txt.

    Binary or non-UTF-8 content is refused here, before anything is stored.
    """
    if b"\x00" in data[:65536]:
        raise UploadError(f"{name}: the file is binary, not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise UploadError(f"{name}, line {line}: the file is not UTF-8 text.") from exc
    lines = [line.strip() for line in text.splitlines()[:50] if line.strip()]
    first = lines[0] if lines else ""
    if first.startswith("{"):
        return ".jsonl"
    if _looks_like_csv(name, lines):
        header = [cell.strip().lower() for cell in next(csv.reader([first]))]
        problem = csv_header_problem(header)
        if problem:
            raise UploadError(f"{name}, line 1: {problem}.")
        return ".csv"
    return ".txt"


def _looks_like_csv(name: str, lines: list[str]) -> bool:
    """A header of short names over rows of as many cells (or a .csv name over comma-separated lines).

    Prose has commas too, but not a first line of short, word-like cells repeated in shape below it.
    """
    if not lines or "," not in lines[0]:
        return False
    header = next(csv.reader([lines[0]]))
    if name.lower().endswith(".csv"):
        return True
    if len(header) < 2 or not all(CSV_HEADER_CELL.match(cell.strip()) for cell in header):
        return False
    if "body" in [cell.strip().lower() for cell in header]:
        return True
    return len(lines) > 1 and {len(row) for row in csv.reader(lines[1:6])} == {len(header)}


def _stem(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1][:200] or "upload"
    return base.rsplit(".", 1)[0] if "." in base else base



def uploads_check(uploads, text: str = "") -> tuple[list[tuple[str, bytes]], list[str]]:
    """Check uploaded files (and pasted text) before anything is stored.

    Returns the files to import as (name with the suffix their content shows, data), and
    the errors; an import goes ahead only without errors, so it is all or nothing.
    """
    errors: list[str] = []
    files: list[tuple[str, bytes]] = []
    count = len(uploads) + (1 if text.strip() else 0)
    if count == 0:
        return files, [gettext("Choose one or more files, or paste an article's text.")]
    if count > settings.IMPORT_MAX_FILES:
        return files, [gettext("%(count)s files: at most %(max)s at once.")
                       % {"count": count, "max": settings.IMPORT_MAX_FILES}]
    for upload in uploads:
        if upload.size > settings.IMPORT_MAX_BYTES:
            errors.append(gettext("%(name)s: %(size)s bytes; the limit is %(max)s.") % {
                "name": upload.name, "size": number_format(upload.size, force_grouping=True),
                "max": number_format(settings.IMPORT_MAX_BYTES, force_grouping=True)})
            continue
        data = upload.read()
        try:
            files.append((_stem(upload.name) + sniff_suffix(upload.name, data), data))
        except UploadError as exc:
            errors.append(str(exc))
    if text.strip():
        data = text.encode("utf-8")
        if len(data) > settings.IMPORT_MAX_BYTES:
            errors.append(gettext("The pasted text is over %(max)s bytes.")
                          % {"max": number_format(settings.IMPORT_MAX_BYTES, force_grouping=True)})
        else:
            files.append((TEXT_PASTE_NAME, data))
    return files, errors
