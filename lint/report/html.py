"""`newslint report`: one self-contained HTML file (inline CSS, SVG charts and script)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from lint.diagnostic import Diagnostic
from lint.report.digest import Digest, DraftFindings, labels
from lint.report.sarif import _unwrap

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem 2rem;color:#222}
h1{margin-bottom:.2rem} h2{border-bottom:2px solid #ddd;margin-top:2rem}
.charts{display:flex;flex-wrap:wrap;gap:2rem} .charts>div{flex:1 1 20rem}
table.counts{border-collapse:collapse;margin-top:.5rem} .counts td,.counts th{padding:.1rem .6rem;
text-align:left;border-bottom:1px solid #eee} .counts td.n{text-align:right}
svg text{font:12px system-ui,sans-serif} .bar{fill:#4a78c2}
article.draft{border:1px solid #ddd;border-radius:6px;margin:1.5rem 0;padding:0 1rem 1rem}
pre.text{white-space:pre-wrap;word-wrap:break-word;background:#fafafa;padding:.8rem;
font:14px/1.6 Georgia,serif}
mark{cursor:pointer;border-bottom:2px solid;background:#fff3b0}
mark.sev-error{background:#ffd2d2;border-color:#c00} mark.sev-warning{border-color:#d98c00}
mark.sev-info{background:#dcecff;border-color:#36c} mark.sev-hint{background:#eee;border-color:#999}
mark.point{padding:0 .15rem} mark.active{outline:2px solid #222}
li.finding{margin:.3rem 0} li.finding.active{background:#fff8d6}
.detail{margin:.3rem 0 .6rem 1rem;padding:.4rem .8rem;border-left:3px solid #ccc;background:#f7f7f7}
.detail dt{font-weight:bold} .detail dd{margin:0 0 .4rem 0;white-space:pre-wrap}
.rule{font-family:monospace} .sev{font-size:.8rem;text-transform:uppercase;color:#555}
section.waived{color:#555} .hint{color:#666;font-size:.9rem}
"""

# Clicking a highlighted passage opens the details of its findings in the list below the
# text; clicking a finding in the list toggles its details.
_SCRIPT = """
(function () {
  function show(id, open) {
    var item = document.getElementById(id);
    if (!item) return;
    var detail = item.querySelector('.detail');
    detail.hidden = open === undefined ? !detail.hidden : !open;
    item.classList.toggle('active', !detail.hidden);
    return item;
  }
  document.addEventListener('click', function (event) {
    var mark = event.target.closest('mark[data-f]');
    if (mark) {
      var first;
      mark.dataset.f.split(' ').forEach(function (id) { first = show(id, true) || first; });
      document.querySelectorAll('mark.active').forEach(function (m) {
        m.classList.remove('active'); });
      mark.classList.add('active');
      if (first) first.scrollIntoView({block: 'nearest'});
      return;
    }
    var head = event.target.closest('li.finding > .head');
    if (head) show(head.parentNode.id);
  });
})();
"""


def render_html(digest: Digest) -> str:
    """The whole report page; every piece of draft or rule text is escaped."""
    lang = digest.language
    ui = labels(lang)
    records = digest.records()
    totals = ui["generated"].format(findings=len(records), files=len(digest.drafts),
                                    waived=len(digest.waived_records()))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(ui['title'])}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{escape(ui['title'])}</h1>",
        f'<p id="totals" data-findings="{len(records)}" data-files="{len(digest.drafts)}" '
        f'data-waived="{len(digest.waived_records())}">{escape(totals)}</p></header>',
        f'<section id="summary"><h2>{escape(ui["summary"])}</h2><div class="charts">',
        _chart_block("rule", ui["by_rule"], ui["rule"], ui, digest.per_rule(), {}),
        _chart_block("desk", ui["by_desk"], ui["desk"], ui, digest.per_desk(),
                     {"": ui["top_level"]}),
        _chart_block("severity", ui["by_severity"], ui["severity"], ui, digest.per_severity(),
                     ui["severities"]),
        "</div></section>",
        f'<section id="drafts"><h2>{escape(ui["drafts"])}</h2>',
    ]
    parts.extend(_draft(index, draft, digest) for index, draft in enumerate(digest.drafts))
    parts.append(f"</section><script>{_SCRIPT}</script></body></html>\n")
    return "\n".join(parts)


def _chart_block(group: str, heading: str, key_label: str, ui: Mapping[str, Any],
                 counts: Sequence[tuple[str, int]], shown: Mapping[str, str]) -> str:
    """A bar chart (inline SVG) and the same numbers as a table (data-count for tools)."""
    rows = "".join(
        f'<tr data-key="{escape(key)}" data-count="{count}"><td>{escape(shown.get(key, key))}'
        f'</td><td class="n">{count}</td></tr>' for key, count in counts)
    table = (f'<table class="counts" data-group="{group}"><thead><tr><th>{escape(key_label)}'
             f'</th><th>{escape(ui["findings"])}</th></tr></thead><tbody>{rows}</tbody></table>')
    return (f'<div><h3>{escape(heading)}</h3>{_bar_chart(counts, shown, heading)}{table}</div>')


def _bar_chart(counts: Sequence[tuple[str, int]], shown: Mapping[str, str], title: str) -> str:
    if not counts:
        return ""
    row, label_width, bar_width = 22, 220, 200
    top = max(count for _, count in counts)
    height = row * len(counts)
    bars = []
    for index, (key, count) in enumerate(counts):
        y = index * row
        width = max(1, round(bar_width * count / top))
        bars.append(
            f'<text x="0" y="{y + 15}">{escape(_clip(shown.get(key, key)))}</text>'
            f'<rect class="bar" x="{label_width}" y="{y + 4}" width="{width}" height="14"/>'
            f'<text x="{label_width + width + 4}" y="{y + 15}">{count}</text>')
    return (f'<svg role="img" aria-label="{escape(title)}" width="{label_width + bar_width + 50}" '
            f'height="{height}" viewBox="0 0 {label_width + bar_width + 50} {height}">'
            f'{"".join(bars)}</svg>')


def _clip(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _draft(index: int, draft: DraftFindings, digest: Digest) -> str:
    ui = labels(draft.lang)
    lang = f' lang="{escape(draft.lang)}"' if draft.lang else ""
    head = (f'<article class="draft" id="d-{index}" data-path="{escape(draft.path)}" '
            f'data-count="{len(draft.findings)}"{lang}><h3>{escape(draft.path)} '
            f'<span class="sev">({len(draft.findings)})</span></h3>')
    if draft.text is None:
        message = draft.error["message"] if draft.error else ""
        return (f'{head}<p class="unreadable">{escape(ui["unreadable"])}: {escape(message)}'
                '</p></article>')
    ids = [f"f-{index}-{n}" for n in range(len(draft.findings))]
    parts = [head]
    if draft.findings:
        parts.append(f'<p class="hint">{escape(ui["hint"])}</p>')
    parts.append(f'<pre class="text">{_highlighted(draft.text, draft.findings, ids)}</pre>')
    if draft.findings:
        parts.append('<ol class="findings">')
        parts.extend(_finding(fid, record, digest, ui) for fid, (_, record) in
                     zip(ids, draft.findings))
        parts.append("</ol>")
    else:
        parts.append(f'<p>{escape(ui["no_findings"])}</p>')
    if draft.waived:
        parts.append(f'<section class="waived"><h4>{escape(ui["waived"])}</h4>'
                     f'<p class="hint">{escape(ui["waived_note"])}</p><ul>')
        parts.extend(_waived(record, ui) for _, record in draft.waived)
        parts.append("</ul></section>")
    parts.append("</article>")
    return "".join(parts)


def _finding(fid: str, record: dict[str, Any], digest: Digest, ui: Mapping[str, Any]) -> str:
    spec = digest.rules.get(record["rule"])
    explanation = _unwrap(spec.description) if spec and spec.description.strip() else (
        spec.summary if spec else "")
    details = [(ui["message"], record["message"])]
    if explanation:
        details.append((ui["explanation"], explanation))
    if "fix" in record:
        details.append((ui["fix"], record["fix"]["title"]))
    body = "".join(f"<dt>{escape(term)}</dt><dd>{escape(text)}</dd>" for term, text in details)
    severity = ui["severities"].get(record["severity"], record["severity"])
    return (f'<li class="finding" id="{fid}" data-rule="{escape(record["rule"])}" '
            f'data-severity="{escape(record["severity"])}"><span class="head">'
            f'{escape(ui["line"])} {record["line"]}:{record["column"]} '
            f'<span class="sev">{escape(severity)}</span> <span class="rule">'
            f'{escape(record["rule"])}</span> {escape(record["message"])}</span>'
            f'<dl class="detail" hidden>{body}</dl></li>')


def _waived(record: dict[str, Any], ui: Mapping[str, Any]) -> str:
    waiver = record["waiver"]
    facts = [f'{escape(ui["reason"])}: {escape(waiver["reason"])}']
    facts += [f'{escape(ui[key])}: {escape(waiver[key])}' for key in ("by", "date")
              if key in waiver]
    facts.append(f'{escape(ui["waiver_at"])}: {escape(waiver["where"])}')
    return (f'<li class="waived-finding" data-rule="{escape(record["rule"])}">'
            f'{escape(ui["line"])} {record["line"]}:{record["column"]} <span class="rule">'
            f'{escape(record["rule"])}</span> {escape(record["message"])}<br>'
            f'<small>{" · ".join(facts)}</small></li>')


def _highlighted(text: str, findings: Sequence[tuple[Diagnostic, dict[str, Any]]],
                 ids: Sequence[str]) -> str:
    """The draft's text with each finding's span in <mark>s (overlaps split into pieces
    that name every finding covering them); a finding without width gets a marker."""
    spans = [(d.offset, d.end_offset, fid, record) for fid, (d, record) in zip(ids, findings)]
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    points: dict[int, list[tuple[str, dict[str, Any]]]] = {}
    for start, end, fid, record in spans:
        if start == end:
            points.setdefault(start, []).append((fid, record))
    out = []
    for a, b in zip(cuts, cuts[1:] + [len(text)]):
        for fid, record in points.pop(a, []):
            out.append(_mark([(fid, record)], "◆", point=True))
        if a >= b:
            continue
        covering = [(fid, record) for s, e, fid, record in spans if s <= a and b <= e and s < e]
        piece = text[a:b]
        out.append(_mark(covering, piece) if covering else escape(piece))
    return "".join(out)


def _mark(covering: Sequence[tuple[str, dict[str, Any]]], piece: str, *, point: bool = False
          ) -> str:
    order = ("hint", "info", "warning", "error")
    worst = max((r["severity"] for _, r in covering), key=order.index)
    title = "\n".join(f"{r['rule']}: {r['message']}" for _, r in covering)
    classes = f"sev-{worst}" + (" point" if point else "")
    return (f'<mark class="{classes}" data-f="{" ".join(fid for fid, _ in covering)}" '
            f'title="{escape(title)}">{escape(piece)}</mark>')
