"""Reads about cases for the desk."""

from corrigo.cases.selectors.detail import (
    article_versions,
    case_for_user,
    merge_candidates,
    proposals_of,
    report_for_user,
    version_texts,
)
from corrigo.cases.selectors.queue import (
    TO_DECIDE,
    QueueFilters,
    case_next_id,
    case_previous_id,
    case_queue,
    case_queue_counts,
    case_queue_page,
)
from corrigo.cases.selectors.text import DiffPiece, FixPreview, Segment, fix_preview, passage_paragraphs, text_diff

__all__ = [
    "TO_DECIDE",
    "DiffPiece",
    "FixPreview",
    "QueueFilters",
    "Segment",
    "article_versions",
    "case_for_user",
    "case_next_id",
    "case_previous_id",
    "case_queue",
    "case_queue_counts",
    "case_queue_page",
    "fix_preview",
    "merge_candidates",
    "passage_paragraphs",
    "proposals_of",
    "report_for_user",
    "text_diff",
    "version_texts",
]
