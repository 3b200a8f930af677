"""pydantic models: the contract between pipeline stages and the JSON schema users see."""

from __future__ import annotations

from bisect import bisect_right
from enum import Enum
from operator import attrgetter
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema


class Severity(str, Enum):
    """How serious a finding is; ordered error > warning > info."""

    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


class ClauseType(str, Enum):
    """The clause types clausecheck detects (ids are stable)."""

    exclusivity = "exclusivity"
    territory = "territory"
    term = "term"
    renewal = "renewal"
    minimum_commitment = "minimum_commitment"
    probation = "probation"
    performance_trigger = "performance_trigger"
    termination_for_convenience = "termination_for_convenience"
    non_compete = "non_compete"
    governing_law = "governing_law"


BlockKind = Literal["paragraph", "heading", "table_row"]


class Block(BaseModel):
    """A paragraph, heading or table row of the extracted text."""

    model_config = ConfigDict(frozen=True)

    page: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: BlockKind = "paragraph"


class Document(BaseModel):
    """Text extracted from one file, with the page and offsets of every block."""

    path: str
    sha256: str
    format: Literal["pdf", "docx", "txt", "md"]
    text: str
    pages: int = Field(ge=0)
    blocks: list[Block] = Field(default_factory=list)
    notices: list[str] = Field(default_factory=list)

    def page_at(self, offset: int) -> int:
        """Page number (1-based) of a character offset into `text`."""
        if not self.blocks:
            return 1
        index = bisect_right(self.blocks, offset, key=attrgetter("start")) - 1  # no list of all starts per call
        return self.blocks[max(index, 0)].page


# Exclusivity the supplier gives away: a grant, or exclusive dealing. The distributor's promise to
# buy only from the supplier ("purchasing") binds the distributor and protects the supplier.
SUPPLIER_EXCLUSIVITY_KINDS = ("grant", "dealing")


class Clause(BaseModel):
    """A typed span of the document text, with parsed attributes."""

    id: str = Field(description="Stable id within the document, e.g. 'exclusivity-1'.")
    type: ClauseType
    text: str
    page: int = Field(ge=1)
    start: int = Field(ge=0, description="Character offset into the extracted text.")
    end: int = Field(ge=0)
    attributes: dict[str, Any] = Field(default_factory=dict)

    @property
    def binds_supplier(self) -> bool:
        """An exclusivity clause that ties the supplier's hands (see SUPPLIER_EXCLUSIVITY_KINDS)."""
        return self.type == ClauseType.exclusivity and self.attributes.get("kind", "grant") in SUPPLIER_EXCLUSIVITY_KINDS


class Finding(BaseModel):
    """A rule's warning about a document, pointing at the clause it concerns."""

    rule: str
    severity: Severity
    message: str
    clause_ids: list[str] = Field(default_factory=list)
    page: int | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = Field(default=None, description="The clause the finding points at.")
    line: int | None = Field(default=None, ge=1, description="TXT/MD only: 1-based line where the clause starts.")
    column: int | None = Field(
        default=None, ge=1, description="TXT/MD only: 1-based column (in characters) where the clause starts."
    )
    end_line: int | None = Field(default=None, ge=1, description="TXT/MD only: 1-based line where the clause ends.")
    end_column: int | None = Field(
        default=None, ge=1, description="TXT/MD only: 1-based column just after the clause's last character."
    )
    recommendation: str
    fingerprint: str = Field(
        default="", description="Stable across runs: rule + normalised clause text."
    )


class ErrorInfo(BaseModel):
    """Why a file could not be analysed."""

    code: str
    message: str
    hint: str | None = None


class DocumentReport(BaseModel):
    """Everything clausecheck found in one file (or the error that stopped it)."""

    path: str
    sha256: str | None = None
    format: str | None = None
    language: str | None = None
    pages: int | None = None
    clauses: list[Clause] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    notices: list[str] = Field(default_factory=list)
    error: ErrorInfo | None = None
    # The extracted text and its blocks, for renderers that show the contract itself (html).
    # Never serialised and absent from the schema: the JSON report stays what it was.
    source: SkipJsonSchema[Document | None] = Field(default=None, exclude=True, repr=False)

    def clauses_of(self, clause_type: ClauseType | str) -> list[Clause]:
        wanted = ClauseType(clause_type)
        return [c for c in self.clauses if c.type == wanted]


class ToolInfo(BaseModel):
    name: str = "clausecheck"
    version: str


class Summary(BaseModel):
    documents: int = 0
    analysed: int = 0
    errors: int = 0
    findings: int = 0
    findings_by_rule: dict[str, int] = Field(default_factory=dict)
    findings_by_severity: dict[str, int] = Field(default_factory=dict)
    exclusive_documents: int = 0
    unprotected_exclusive_documents: int = Field(
        default=0, description="Exclusive documents with at least one finding."
    )


class Report(BaseModel):
    """The top-level report: what `--format json` prints and `clausecheck schema` describes."""

    tool: ToolInfo
    documents: list[DocumentReport]
    summary: Summary


class RuleMeta(BaseModel):
    """A rule's identity and documentation, declared as plain data."""

    model_config = ConfigDict(frozen=True)

    code: str
    slug: str
    title: str
    severity: Severity
    summary: str
    what: str = Field(description="What it checks.")
    why: str = Field(description="Why it matters.")
    example: str = Field(description="A clause that triggers the rule.")
    fix: str = Field(description="Suggested fix, in prose.")
    fallback_clause: str = Field(description="A sample clause a founder could propose.")
