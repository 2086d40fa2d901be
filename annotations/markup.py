"""Project guidelines: Markdown rendered safely.

markdown-it-py with raw HTML off: tags typed in the text come out as text, and links
with script-like schemes (javascript:, vbscript:, data:) are refused by its link check,
so the rendered HTML holds only the tags Markdown itself makes.
"""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def render_markdown(text: str) -> SafeString:
    return mark_safe(_MARKDOWN.render(text or ""))  # noqa: S308 (raw HTML is off, see above)
