"""`newslint report --format markdown`: counts and findings for a pull-request comment."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from lint.report.digest import Digest, labels

COMMENT_LIMIT = 65536
"""GitHub's limit on the body of an issue or pull-request comment, in characters."""


def render_markdown(digest: Digest, limit: int = COMMENT_LIMIT) -> str:
    """Counts per rule and desk, then each file's findings as a compact list, cut with a
    note where the comment would pass `limit` characters."""
    ui = labels(digest.language)
    records = digest.records()
    head = [f"## {ui['title']}", "",
            ui["generated"].format(findings=len(records), files=len(digest.drafts),
                                   waived=len(digest.waived_records())), ""]
    head += _table(ui["rule"], ui["findings"], digest.per_rule(), {}, code=True)
    head += _table(ui["desk"], ui["findings"], digest.per_desk(), {"": ui["top_level"]})
    blocks: list[tuple[str, int]] = []  # (text, findings it lists)
    for draft in digest.drafts:
        draft_ui = labels(draft.lang)
        if draft.error is not None:
            blocks.append((f"### `{draft.path}`\n\n- {draft_ui['unreadable']}: "
                           f"{_inline(draft.error['message'])}\n", 1))
            continue
        if not draft.findings and not draft.waived:
            continue
        lines = [f"### `{draft.path}` ({len(draft.findings)})", ""]
        lines += [_item(record, draft_ui) for _, record in draft.findings]
        if draft.waived:
            lines.append(f"- _{draft_ui['waived']}: " + "; ".join(
                f"{r['line']}:{r['column']} `{r['rule']}` ({_inline(r['waiver']['reason'])})"
                for _, r in draft.waived) + "_")
        blocks.append(("\n".join(lines) + "\n", len(draft.findings)))
    return _fit("\n".join(head) + "\n", blocks, ui, limit)


def _fit(head: str, blocks: Sequence[tuple[str, int]], ui: Mapping[str, Any], limit: int) -> str:
    """Whole file blocks while they fit, keeping room for the note that says what is left."""
    total = sum(n for _, n in blocks)
    out, shown = head, 0
    reserve = len(ui["truncated"]) + 40  # the note with its numbers filled in
    for index, (text, count) in enumerate(blocks):
        last = index == len(blocks) - 1
        if len(out) + len(text) + 1 > limit - (0 if last else reserve):
            out += "\n> " + ui["truncated"].format(count=total - shown, limit=limit) + "\n"
            return out
        out += "\n" + text
        shown += count
    return out


def _table(key_label: str, count_label: str, counts: Sequence[tuple[str, int]],
           shown: Mapping[str, str], *, code: bool = False) -> list[str]:
    if not counts:
        return []
    rows = [f"| {key_label} | {count_label} |", "|---|---:|"]
    for key, count in counts:
        name = f"`{key}`" if code else _inline(shown.get(key, key))
        rows.append(f"| {name} | {count} |")
    return [*rows, ""]


def _item(record: Mapping[str, Any], ui: Mapping[str, Any]) -> str:
    severity = ui["severities"].get(record["severity"], record["severity"])
    return (f"- {record['line']}:{record['column']} **{severity}** `{record['rule']}` "
            f"{_inline(record['message'])}")


def _inline(text: str) -> str:
    """Text on one line that Markdown shows as written (no table breaks, no raw HTML)."""
    text = " ".join(text.split())
    for char in "\\|<>*_`[]":
        text = text.replace(char, "\\" + char)
    return text
