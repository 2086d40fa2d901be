"""Read article files (.txt, .jsonl, .csv) into plain records, or fail naming the line.

Parsing is separate from saving so that a file is checked whole before anything
is written: an import is all or nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from pathlib import PurePath

from annotations.extraction import detect_language

FORMATS = (".txt", ".jsonl", ".csv")
CSV_COLUMNS = ("title", "body", "published", "outlet", "url", "language")
DATE_TOKEN_RE = re.compile(r"\A\s*date\s+(\d{4}(?:-\d{2}(?:-\d{2})?)?)\s+")
TITLE_MAX = 120


class ImportFileError(Exception):
    """A file that cannot be imported; the message names the file and the line."""

    def __init__(self, filename: str, message: str, line: int | None = None):
        self.filename = filename
        self.line = line
        self.message = message
        where = f"{filename}, line {line}" if line is not None else filename
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class ArticleRecord:
    title: str
    body: str
    language: str
    outlet: str = ""
    url: str = ""
    published: dt.date | None = None
    precision: str = "day"
    line: int = 1


def parse_date(value: str) -> tuple[dt.date, str]:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD keeping its precision: no day is invented."""
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1), "year"
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = value.split("-")
            return dt.date(int(year), int(month), 1), "month"
        return dt.date.fromisoformat(value[:10]), "day"
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)") from exc


def title_from_body(body: str) -> str:
    first = body.strip().split("\n", 1)[0].strip()
    match = re.search(r"[.!?](\s|$)", first)
    if match and match.end() <= TITLE_MAX:
        return first[: match.start() + 1]
    if len(first) <= TITLE_MAX:
        return first
    return first[: TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"


def _record(
    filename: str,
    line: int,
    *,
    body,
    title="",
    published="",
    outlet="",
    url="",
    language="",
) -> ArticleRecord:
    fields = {"body": body, "title": title, "published": published, "outlet": outlet,
              "url": url, "language": language}
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise ImportFileError(filename, f"field {name!r} must be text", line)
    # One line-ending convention: spans are offsets, and browsers report selections over "\n".
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        raise ImportFileError(filename, "the article body is empty", line)
    if "\x00" in body:
        raise ImportFileError(filename, "the article body contains a NUL character", line)
    date, precision = None, "day"
    if published and published.strip():
        try:
            date, precision = parse_date(published)
        except ValueError as exc:
            raise ImportFileError(filename, str(exc), line) from exc
    language = (language or "").strip().lower()
    if language and language not in {"nl", "en"}:
        raise ImportFileError(filename, f"language {language!r} is not supported (nl or en)", line)
    url = (url or "").strip()
    if url and not re.match(r"https?://", url):
        raise ImportFileError(filename, f"url {url!r} must start with http:// or https://", line)
    return ArticleRecord(
        title=(title or "").strip()[:500] or title_from_body(body),
        body=body,
        language=language or detect_language(body),
        outlet=(outlet or "").strip()[:200],
        url=url[:1000],
        published=date,
        precision=precision,
        line=line,
    )


def _parse_txt(filename: str, text: str) -> list[ArticleRecord]:
    published = ""
    match = DATE_TOKEN_RE.match(text)
    if match:
        published = match.group(1)
        text = text[match.end():]
    return [_record(filename, 1, body=text, published=published)]


JSON_MAX_DEPTH = 20


def json_depth_over(line: str, limit: int) -> bool:
    """Whether brackets outside strings nest deeper than `limit` (checked before parsing)."""
    depth = 0
    in_string = escaped = False
    for ch in line:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def _parse_jsonl(filename: str, text: str) -> list[ArticleRecord]:
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if json_depth_over(line, JSON_MAX_DEPTH):
            raise ImportFileError(
                filename, f"the JSON nests more than {JSON_MAX_DEPTH} levels deep; an article is one flat object",
                number)
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ImportFileError(filename, f"not valid JSON ({exc.msg})", number) from exc
        if not isinstance(data, dict):
            raise ImportFileError(filename, "each line must be a JSON object", number)
        body = data.get("body", data.get("text"))
        if body is None:
            raise ImportFileError(filename, "the object has no 'body'", number)
        records.append(
            _record(
                filename,
                number,
                body=body,
                title=data.get("title") or "",
                published=data.get("published") or data.get("date") or "",
                outlet=data.get("outlet") or "",
                url=data.get("url") or "",
                language=data.get("language") or data.get("lang") or "",
            )
        )
    return records


def csv_header_problem(columns: list[str]) -> str:
    """Why a CSV header cannot be imported ('' when it can): a body column, and no unknown ones."""
    expected = ", ".join(CSV_COLUMNS)
    unknown = [c for c in columns if c not in CSV_COLUMNS]
    if "body" not in columns or unknown:
        found = ", ".join(repr(c) for c in columns) or "none"
        return f"the CSV's columns are {found}; expected a 'body' column and only these: {expected}"
    return ""


def _parse_csv(filename: str, text: str) -> list[ArticleRecord]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    problem = csv_header_problem(columns)
    if problem:
        raise ImportFileError(filename, problem, 1)
    reader.fieldnames = columns
    records = []
    try:
        for row in reader:
            if None in row:
                raise ImportFileError(filename, "the row has more cells than the header", reader.line_num)
            records.append(
                _record(filename, reader.line_num, **{k: row.get(k) or "" for k in CSV_COLUMNS})
            )
    except csv.Error as exc:
        raise ImportFileError(filename, f"malformed CSV ({exc})", reader.line_num) from exc
    return records


PARSERS = {".txt": _parse_txt, ".jsonl": _parse_jsonl, ".csv": _parse_csv}


def parse_bytes(filename: str, data: bytes, *, max_bytes: int) -> list[ArticleRecord]:
    """Check and parse one file's content; raise ImportFileError on the first problem."""
    name = PurePath(filename).name
    suffix = PurePath(name).suffix.lower()
    if suffix not in PARSERS:
        raise ImportFileError(name, f"unknown file type {suffix or '(none)'!r}: use {', '.join(FORMATS)}")
    if len(data) > max_bytes:
        raise ImportFileError(name, f"the file is {len(data):,} bytes; the limit is {max_bytes:,}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFileError(name, "the file is not UTF-8 text", line) from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportFileError(name, "the file is binary, not text", line)
    records = PARSERS[suffix](name, text)
    if not records:
        raise ImportFileError(name, "the file holds no article")
    return records
