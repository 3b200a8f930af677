"""Settings that shape an analysis (thresholds, rule selection, severities)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .extract.limits import Limits
from .models import Severity


class Config(BaseModel):
    """Everything configurable about a run; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(
        default_factory=lambda: ["CC1"], description="Rule code prefixes to run (CC2xx are opt-in)."
    )
    extend_select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list, description="Rule code prefixes to skip.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Per-rule severity overrides.")
    fail_on: Severity | None = Field(default=Severity.warning, description="None means never fail.")
    max_probation_months: float = Field(default=6, gt=0, description="A longer probation counts as weak (CC102).")
    max_initial_term_months: float = Field(default=24, gt=0, description="A longer initial term is a long lock-in.")
    pattern_dirs: list[Path] = Field(default_factory=list, description="Extra pattern folders of your own.")
    language: str = "en"
    password: str | None = None
    limits: Limits = Field(default_factory=Limits)

    def rule_enabled(self, code: str) -> bool:
        selected = any(code.startswith(p) for p in [*self.select, *self.extend_select])
        return selected and not any(code.startswith(p) for p in self.ignore)
