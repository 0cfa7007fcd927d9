"""`newslint report`: the HTML page opened in headless Chromium, and the Markdown variant.

The browser test injects a probe script that records any script error (window.onerror) and
writes what the page shows into the DOM, which `chromium --dump-dom` prints; the numbers
must equal `newslint check --format json`'s records.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli
from newsroom import make_newsroom

from lint.cli import ExitStatus
from lint.config import load_config
from lint.report.digest import collect
from lint.runner import Linter
from lint.report.markdown_summary import render_markdown

HOSTILE = '<script>window.pwned = 1; document.title = "pwned"</script><img src=x onerror="window.pwned = 2">'
DRAFTS = {
    "news/a.md": "Oh zut, the mayor said.\n\nWell, bof.\n",
    "news/b.md": 'Bof. <!-- newslint waive bof reason="a quote" by="jd" -->\n\nNothing else.\n',
    "opinion/c.md": f"Zut and zut! {HOSTILE}\n\nOh zut.\n",
    "fr/d.md": "---\nlang: fr\n---\nLe maire a dit zut, et bof.\n",
    "top.md": "Bof.\n",
}

PROBE_HEAD = "<script>window.__errors = []; window.onerror = function (m) { " \
             "window.__errors.push(String(m)); };</script>"
PROBE_TAIL = """<script>
(function () {
  var out = {rules: {}, severities: {}, marked: [], errors: window.__errors,
             pwned: window.pwned || 0, title: document.title, tables: {}};
  document.querySelectorAll('li.finding').forEach(function (li) {
    out.rules[li.dataset.rule] = (out.rules[li.dataset.rule] || 0) + 1;
    out.severities[li.dataset.severity] = (out.severities[li.dataset.severity] || 0) + 1;
  });
  var marked = {};
  document.querySelectorAll('mark[data-f]').forEach(function (m) {
    m.dataset.f.split(' ').forEach(function (id) { marked[id] = 1; });
  });
  out.marked = Object.keys(marked).sort();
  out.finding_ids = Array.prototype.map.call(document.querySelectorAll('li.finding'),
                                             function (li) { return li.id; }).sort();
  document.querySelectorAll('table.counts').forEach(function (t) {
    var rows = {};
    t.querySelectorAll('tbody tr').forEach(function (tr) {
      rows[tr.dataset.key] = Number(tr.cells[1].textContent); });
    out.tables[t.dataset.group] = rows;
  });
  out.waived = Array.prototype.map.call(document.querySelectorAll('li.waived-finding'),
                                        function (li) { return li.dataset.rule; });
  var first = document.querySelector('mark[data-f]');
  if (first) {
    var id = first.dataset.f.split(' ')[0];
    var before = document.getElementById(id).querySelector('.detail').hidden;
    first.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    out.click = [before, document.getElementById(id).querySelector('.detail').hidden];
  }
  var fr = document.querySelector('article[lang="fr"] .findings .sev');
  out.fr_heading = fr ? fr.textContent : null;
  out.svg_bars = document.querySelectorAll('svg rect.bar').length;
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make_newsroom(tmp_path / "repo", DRAFTS)
    monkeypatch.chdir(tmp_path / "repo")
    return tmp_path / "repo"


def json_records() -> list[dict[str, Any]]:
    status, out, _ = run_cli("check", "--format", "json", ".")
    return json.loads(out)


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def open_in_browser(page: Path, tmp_path: Path) -> dict[str, Any]:
    text = page.read_text("utf-8")
    probed = tmp_path / "probed.html"
    probed.write_text(text.replace("<head>", "<head>" + PROBE_HEAD, 1)
                      .replace("</body>", PROBE_TAIL + "</body>", 1), "utf-8")
    browser = chromium()
    assert browser is not None
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", probed.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    found = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.DOTALL)
    assert found, f"no probe output; chromium said: {done.stderr[-2000:]}"
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (apt-get install "
                                                "chromium); the HTML report is tested in it")
def test_html_report_renders_in_chromium_with_the_json_numbers(newsroom: Path,
                                                               tmp_path: Path) -> None:
    status, out, err = run_cli("report", ".", "-o", "report.html")
    assert (status, out) == (ExitStatus.CLEAN, "")
    assert err == "newslint: wrote report.html (7 findings, 1 waived)\n"
    records = json_records()
    reported = [r for r in records if "waiver" not in r]
    seen = open_in_browser(newsroom / "report.html", tmp_path)

    assert seen["errors"] == []
    assert (seen["pwned"], seen["title"]) == (0, "newslint report")  # the draft's script is text
    assert seen["rules"] == dict(Counter(r["rule"] for r in reported))
    assert seen["severities"] == dict(Counter(r["severity"] for r in reported))
    assert seen["tables"]["rule"] == seen["rules"]
    assert seen["tables"]["severity"] == seen["severities"]
    desks = Counter(r["path"].split("/")[0] if "/" in r["path"] else "" for r in reported)
    assert seen["tables"]["desk"] == dict(desks)
    assert seen["waived"] == [r["rule"] for r in records if "waiver" in r] == ["house.bof"]
    assert seen["marked"] == seen["finding_ids"]  # every finding is highlighted in its text
    assert seen["click"] == [True, False]  # clicking a highlight opens its details
    assert seen["fr_heading"] == "avertissement"  # a French draft gets French labels
    assert seen["svg_bars"] == len(desks) + len(seen["rules"]) + len(seen["severities"])


def test_html_escapes_draft_text(newsroom: Path) -> None:
    run_cli("report", ".", "-o", "report.html")
    page = (newsroom / "report.html").read_text("utf-8")
    assert "<script>window.pwned" not in page and "<img" not in page
    assert html.escape(HOSTILE).replace("&#x27;", "'")[:40] in page.replace("&#x27;", "'")
    assert "http://" not in page and "https://" not in page  # no external asset


def test_html_shows_rule_explanation_and_fix(newsroom: Path) -> None:
    status, out, _ = run_cli("report", "news/a.md", "-o", "-")
    assert status == ExitStatus.CLEAN
    assert "<dt>Rule</dt><dd>Slang has no place in copy.</dd>" in out
    assert "<dt>Fix</dt><dd>Replace with &#x27;flûte&#x27;</dd>" in out
    assert 'title="house.zut: Avoid &#x27;zut&#x27;: say &#x27;flûte&#x27;."' in out


def test_markdown_counts_per_rule_and_desk_then_findings(newsroom: Path) -> None:
    status, out, _ = run_cli("report", "--format", "markdown", "news", "fr")
    assert status == ExitStatus.CLEAN
    assert out == """\
## newslint report

4 findings in 3 files (1 waived)

| Rule | Findings |
|---|---:|
| `house.bof` | 2 |
| `house.zut` | 2 |

| Desk | Findings |
|---|---:|
| fr | 2 |
| news | 2 |


### `news/a.md` (2)

- 1:4 **warning** `house.zut` Avoid 'zut': say 'flûte'.
- 3:7 **info** `house.bof` Say what you mean instead of 'bof'.

### `news/b.md` (0)

- _Waived: 1:1 `house.bof` (a quote)_

### `fr/d.md` (2)

- 4:16 **avertissement** `house.zut` Évitez « zut » : dites « flûte ».
- 4:24 **info** `house.bof` Dites ce que vous pensez au lieu de « bof ».
"""
    json_count = len([r for r in json_records() if "waiver" not in r
                      and r["path"].split("/")[0] in ("news", "fr")])
    assert json_count == 4


def test_markdown_is_cut_under_the_comment_limit_with_a_note(newsroom: Path) -> None:
    for n in range(30):
        (newsroom / "news" / f"many{n:02}.md").write_text("Oh zut. " * 20 + "\n", "utf-8")
    status, out, _ = run_cli("report", "--format", "markdown", "news")
    assert "not shown" not in out and out.count("`house.zut` Avoid") == 601  # all fit
    linter = Linter(load_config())
    digest = collect([linter.lint_path(str(p)) for p in sorted(Path("news").glob("*.md"))], {})
    cut = render_markdown(digest, limit=2000)
    listed = cut.count("`house.zut` Avoid") + cut.count("`house.bof` Say")
    assert len(cut) <= 2000 and 0 < listed < 602
    assert cut.endswith(f"> {602 - listed} more findings are not shown: a comment holds at "
                        "most 2000 characters. Run `newslint report` for the full list.\n")


def test_desks_are_top_level_folders_below_what_was_asked_for(newsroom: Path) -> None:
    (newsroom / "top.md").unlink()
    for given in (["."], [], ["news", "fr/d.md", "opinion"]):
        _, out, _ = run_cli("report", "--format", "markdown", *given)
        assert "| Desk | Findings |\n|---|---:|\n| fr | 2 |\n| news | 2 |\n| opinion | 2 |\n" in out
    _, out, _ = run_cli("report", "--format", "markdown", "news")
    assert "| (top level) | 2 |" in out  # one folder asked for: its files are its top level
    for path in ("fr/d.md", "opinion/c.md"):
        (newsroom / path).unlink()
    _, out, _ = run_cli("report", "--format", "markdown", ".")
    assert "| news | 2 |" in out  # one desk with drafts is still a desk of the repository
