"""Problems found in user files, printed as `path:line:col: field: what is wrong (what to do)`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    field: str
    message: str
    hint: str = ""
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}"
        label = "" if self.severity == "error" else "warning: "
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}: {label}{self.field}: {self.message}{hint}"

    def github(self) -> str:
        """A GitHub Actions workflow command, so the problem shows on the pull request."""
        kind = "error" if self.severity == "error" else "warning"
        text = f"{self.field}: {self.message}" + (f" ({self.hint})" if self.hint else "")
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.path},line={self.line},col={self.col}::{text}"
