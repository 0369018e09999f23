"""What is wrong with an input file, said so that a user can fix it: file, column, rows, fix.

A problem is said through redact.redact, whatever it quotes (a visit id, a label, a hospital's
name, the source's name): a CPR-shaped value is cut to its date part (010203-****) and a URL's
password masked, so no message shows either."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from analysis.base.redact import redact

MAX_EXAMPLES = 5
MAX_LABELS = 10  # distinct unknown labels listed in one message, each with its rows


@dataclass
class Problem:
    """One thing wrong with an input file, with what to do about it."""

    file: str
    column: str
    message: str
    hint: str
    rows: list[int] = field(default_factory=list)  # 1-based data rows in the file (header not counted)
    n_rows: int = 0
    examples: list[str] = field(default_factory=list)
    contract: str = ""  # the contract column the source column maps to, where it differs
    ids: list[str] = field(default_factory=list)  # a database table's example rows, by visit id (it has no row numbers)
    counts: list[int] = field(default_factory=list)  # rows of each example, where they are distinct labels
    more: int = 0  # distinct values beyond the examples

    def __str__(self) -> str:
        where = self.file if self.column == "-" else f"{self.file}, column '{self.column}'"  # "-": the whole input
        if self.contract and self.contract != self.column:
            where += f" (contract column '{self.contract}')"
        if self.rows:
            more = f" (and {self.n_rows - len(self.rows)} more)" if self.n_rows > len(self.rows) else ""
            where += f", row{'s' * (self.n_rows > 1)} {', '.join(map(str, self.rows))}{more}"
        elif self.ids:
            more = f" (and {self.n_rows - len(self.ids)} more)" if self.n_rows > len(self.ids) else ""
            where += f", visit{'s' * (self.n_rows > 1)} {', '.join(self.ids)}{more}"
        elif self.n_rows:
            where += f", {self.n_rows:,} row{'s' * (self.n_rows > 1)}"
        ex = ""
        if self.examples:
            listed = [repr(e) + (f" ({n:,} row{'s' * (n != 1)})" if i < len(self.counts) else "")
                      for i, (e, n) in enumerate(zip(self.examples, [*self.counts, *[0] * len(self.examples)]))]
            more = f", and {self.more:,} more" if self.more else ""
            ex = f" {'Found' if self.counts else 'Examples'}: {', '.join(listed)}{more}."
        end = "" if self.message.endswith((".", "?", "!")) else "."
        return redact(f"{where}: {self.message}{end}{ex}\n    Fix: {self.hint}")


class InputError(ValueError):
    """The input cannot be used; `problems` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        n = len(problems)
        super().__init__(f"{n} problem{'s' * (n != 1)} in the input:\n" + "\n".join(f"- {p}" for p in problems))


def yaml_error(e: yaml.YAMLError) -> tuple[str, str]:
    """A YAML file (a run file, a mapping file, a scenario file) that cannot be parsed, said so a
    user can fix it: (what is wrong, with the line and column where PyYAML stopped and the line
    itself; the fix), for the caller to put after the file's name. The usual slip has its own
    fix: an unquoted value with ': ' in it (a hospital named Hospital: Syd), which YAML takes for
    a second key on the line ("mapping values are not allowed here"): quote the value."""
    mark = getattr(e, "problem_mark", None)
    what = getattr(e, "problem", None) or str(e)
    if mark is None:
        return f"not valid YAML ({what})", "check that the file is valid YAML"
    line = _line_of(mark)
    message = f"not valid YAML at line {mark.line + 1}, column {mark.column + 1}: {what}"
    if line.strip():
        message += f" (the line reads: {line.strip()})"
    if "\t" in line[:len(line) - len(line.lstrip())] or "found character '\\t'" in what:
        return message, "indent with spaces, not tabs (YAML does not allow a tab in indentation)"
    if "mapping values are not allowed" in what:
        return message, _quote_fix(line)
    return message, "correct the YAML at that line (its indentation, its quotes, a ': ' after each key)"


def _line_of(mark: yaml.Mark) -> str:
    """The line a YAML error points at, from the text PyYAML read (empty when it has none)."""
    text = mark.buffer if isinstance(mark.buffer, str) else ""
    start = text.rfind("\n", 0, mark.pointer) + 1
    end = text.find("\n", mark.pointer)
    return text[start:end if end >= 0 else len(text)].rstrip("\0\r")


def _quote_fix(line: str) -> str:
    """The fix for "mapping values are not allowed here": where the line reads `key: value` with a
    ': ' in the value, the line itself with the value quoted (a list's '- ' and a comment kept out
    of the quotes); else (a line indented too far, say) the indentation, and the quoting."""
    found = re.fullmatch(r"(\s*(?:-\s+)?)([^:#'\"]+?):\s+(.*?:\s.*?)(\s+#.*)?", line)
    if not found:
        return ("check the line's indentation against the line above it; a value that holds ': ' must be quoted, "
                'e.g. "Hospital: Syd"')
    key, value = found.group(2), found.group(3).strip()
    quoted = f"'{value}'" if '"' in value else f'"{value}"'
    return (f"quote the value that holds ': ', here: {key}: {quoted} (unquoted, YAML reads its ': ' as the start "
            "of another key; a name used as a key is quoted the same way)")
