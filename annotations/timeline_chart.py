"""The timeline drawn as SVG: geometry only, for a template to draw."""

from __future__ import annotations

from datetime import date

from annotations.forms import label_name
from annotations.timelines import Timeline


def timeline_svg(timeline: Timeline, *, width: int = 720, row_height: int = 18) -> dict:
    """Geometry of a dot-per-stance timeline: one lane per label, x by date.

    Returned as plain numbers for a template to draw (no inline styles: classes
    carry the colours), so the page stays within the Content-Security-Policy.
    """
    dated = timeline.dated
    lanes = [*timeline.labels, ""]
    margin_left, margin_right = 110, 16
    height = row_height * len(lanes) + 30
    if not dated:
        return {"width": width, "height": height, "lanes": [], "dots": [], "ticks": [], "empty": True}
    first, last = min(r.date for r in dated), max(r.date for r in dated)
    span = max((last - first).days, 1)
    usable = width - margin_left - margin_right

    def x_of(d: date) -> int:
        return margin_left + round(usable * (d - first).days / span) if last != first else margin_left + usable // 2

    lane_y = {label: 14 + i * row_height for i, label in enumerate(lanes)}
    dots = [
        {
            "x": x_of(r.date), "y": lane_y.get(r.label, lane_y[""]), "label": r.label or "unlabelled",
            "title": f"{r.article.published_display()} · {r.source.name} · {label_name(r.label) if r.label else '–'}",
            "href_claim": r.claim.pk, "article": r.claim.article_id,
        }
        for r in dated
    ]
    years = sorted({d.year for d in (first, last)} | {y for y in range(first.year, last.year + 1)})
    ticks = [{"x": x_of(max(first, date(y, 1, 1))), "text": str(y)} for y in years]
    return {
        "width": width, "height": height, "empty": False, "ticks": ticks, "dots": dots,
        "lanes": [{"y": lane_y[label], "label": label or "unlabelled"} for label in lanes],
        "axis_y": height - 14, "left": margin_left, "right": width - margin_right,
    }
