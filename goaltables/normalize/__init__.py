"""Normalize: goal ids within a document, then linked across documents (`link`)."""

from goaltables.normalize.ids import assign_goal_ids
from goaltables.normalize.link import Linking, LinkSettings, link_documents, read_decisions

__all__ = ["LinkSettings", "Linking", "assign_goal_ids", "link_documents", "read_decisions"]
