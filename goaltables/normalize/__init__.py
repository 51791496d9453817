"""Normalize: give every goal a stable id. Cross-document linking (issue 5) plugs in here."""

from goaltables.normalize.ids import assign_goal_ids

__all__ = ["assign_goal_ids"]
