"""Every write: each function runs in one transaction, checks what it is asked and keeps History.

Pages, the API, commands, jobs and backups write through these and nothing else.
"""

from annotations.services.articles import (
    ImportReport,
    article_delete,
    article_update,
    articles_import,
    claim_create,
    claim_delete,
    claim_text_set,
    claim_update,
    extraction_run,
    unit_add,
    unit_correct,
)
from annotations.services.clusters import (
    TrackingError,
    cluster_create,
    cluster_merge,
    cluster_split,
    cluster_suggest,
    link_decide,
)
from annotations.services.conflict import Conflict
from annotations.services.judgements import stance_delete, stance_record, stance_undo
from annotations.services.projects import (
    membership_add,
    membership_remove,
    membership_set,
    project_create,
    project_guidelines_set,
    project_settings_set,
)
from annotations.services.queue import assignment_finish, assignment_next, assignment_touch, assignments_release_stale
from annotations.services.resolutions import consensus_refresh, resolution_set
from annotations.services.sources import (
    registry_admin_required,
    source_aliases_set,
    source_change_propose,
    source_create,
    source_match_or_create,
    source_merge,
    source_update,
)
from annotations.services.verdicts import verdict_lead_required, verdict_set

__all__ = [
    "Conflict",
    "ImportReport",
    "TrackingError",
    "article_delete",
    "article_update",
    "articles_import",
    "assignment_finish",
    "assignment_next",
    "assignment_touch",
    "assignments_release_stale",
    "claim_create",
    "claim_delete",
    "claim_text_set",
    "claim_update",
    "cluster_create",
    "cluster_merge",
    "cluster_split",
    "cluster_suggest",
    "consensus_refresh",
    "extraction_run",
    "link_decide",
    "membership_add",
    "membership_remove",
    "membership_set",
    "project_create",
    "project_guidelines_set",
    "project_settings_set",
    "registry_admin_required",
    "resolution_set",
    "source_aliases_set",
    "source_change_propose",
    "source_create",
    "source_match_or_create",
    "source_merge",
    "source_update",
    "stance_record",
    "stance_delete",
    "stance_undo",
    "unit_add",
    "unit_correct",
    "verdict_lead_required",
    "verdict_set",
]
