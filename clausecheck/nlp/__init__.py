"""Document -> Clauses."""

from .detect import Detector

__all__ = ["Detector"]
