"""Tracking claims across articles, by concern:

* `similarity`: how alike two claims are (plain Python and scikit-learn, no Django);
* `services.clusters`: a lead's decisions on tracked claims (writes, with ClusterEvents;
  called as `services.cluster_create` and so on);
* `timelines`: every stance toward a tracked claim, or by a source (reads, blind mode kept);
* `timeline_chart`: the timeline's SVG geometry;
* `selectors.similar_sources`: merge candidates for a source.

This module gathers the names of the reads that pages and the API use.
"""

from annotations.selectors import similar_sources
from annotations.similarity import (
    DEFAULT_THRESHOLD,
    EVIDENCE_WEIGHT,
    Suggestion,
    bridge,
    fold,
    precision_recall,
    similarity,
    suggest_for_cluster,
    suggest_pairs,
)
from annotations.timeline_chart import timeline_svg
from annotations.timelines import Timeline, TimelineFilters, TimelineRow, cluster_timeline, source_timeline

__all__ = [
    "DEFAULT_THRESHOLD", "EVIDENCE_WEIGHT", "Suggestion", "Timeline", "TimelineFilters", "TimelineRow",
    "bridge", "cluster_timeline", "fold", "precision_recall", "similar_sources", "similarity",
    "source_timeline", "suggest_for_cluster", "suggest_pairs", "timeline_svg",
]
