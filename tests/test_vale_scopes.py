"""Vale's inline scopes on Markdown: the document model's inline elements, `alt` and `link`
rule scopes, IgnoredScopes and SkippedScopes (lint/vale/scoping.py)."""

from __future__ import annotations

import io
import os
from pathlib import Path

from lint.cli import main
from lint.document.builder import build_document
from lint.document.scopes import units, validate_selector
from lint.source import SourceText


def _lint(folder: Path, ini: str, rules: dict[str, str], draft: str) -> list[str]:
    styles = folder / "styles" / "House"
    styles.mkdir(parents=True)
    for name, text in rules.items():
        (styles / f"{name}.yml").write_text(text, encoding="utf-8")
    (folder / ".vale.ini").write_text("StylesPath = styles\nMinAlertLevel = suggestion\n"
                                      + ini + "[*.md]\nBasedOnStyles = House\n",
                                      encoding="utf-8")
    (folder / "a.md").write_text(draft, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    os.chdir(folder)
    try:
        main(["check", "--output", "line", "."], stdout=out, stderr=err)
    finally:
        os.chdir(here)
    assert "warning" not in err.getvalue(), err.getvalue()
    return out.getvalue().splitlines()


ACT = "extends: existence\nmessage: \"'%s'\"\nlevel: error\ntokens: [ACT]\n"


def test_blocks_record_their_inline_elements_in_source_order() -> None:
    text = "Some **bold _in_ it** and `code` and [a link](http://x.y) then <http://a.b>.\n"
    block = build_document(SourceText(text), "a.md").blocks[0]
    assert block.text == "Some bold in it and \ufffc and a link then \ufffc."
    seen = [(i.name, text[i.start:i.end], block.text[i.text_start:i.text_end])
            for i in block.inline]
    assert seen == [("strong", "**bold _in_ it**", "bold in it"), ("em", "_in_", "in"),
                    ("code", "`code`", "\ufffc"), ("a", "[a link](http://x.y)", "a link"),
                    ("a", "<http://a.b>", "\ufffc")]


def test_alt_text_is_a_unit_of_its_own_even_in_an_image_only_paragraph() -> None:
    text = "Intro.\n\n![An *alt* text](logo.png \"title\")\n\n> ![quoted](q.png)\n"
    doc = build_document(SourceText(text), "a.md")
    # The image-only paragraph has no prose block; its alt text is still there.
    assert [b.text for b in doc.blocks] == ["Intro."]
    alts = list(units(doc, ["alt"]))
    assert [(u.text, u.scope) for u in alts] == [
        ("An alt text", ("paragraph", "alt")), ("quoted", ("blockquote", "paragraph", "alt"))]
    start, end = alts[0].span(3, 6)
    assert text[start:end] == "alt"
    assert [u.text for u in units(doc, ["alt", "~blockquote"])] == ["An alt text"]
    assert validate_selector("alt") is None and validate_selector("link") is None
    assert validate_selector("link.alt") is not None


def test_alt_and_link_scoped_rules(tmp_path: Path) -> None:
    rules = {"Alt": "extends: occurrence\nmessage: alt too long\nscope: alt\nlevel: error\n"
                    "max: 10\ntoken: '[\\w\\s]'\n",
             "Here": "extends: existence\nmessage: \"'%s' as a link\"\nscope: link\n"
                     "level: error\ntokens: [here]\n"}
    draft = ("Click [here](https://a.b), not here.\n\n"
             "![a very long alt text](x.png) and ![short](y.png).\n")
    assert _lint(tmp_path, "", rules, draft) == [
        "a.md:1:8:House.Here:'here' as a link", "a.md:3:3:House.Alt:alt too long"]


def test_ignored_scopes_drop_findings_inside_those_elements(tmp_path: Path) -> None:
    draft = "ACT one **ACT two** and *ACT three* `ACT`\n"
    assert _lint(tmp_path / "default", "", {"Act": ACT}, draft) == [
        "a.md:1:1:House.Act:'ACT'", "a.md:1:11:House.Act:'ACT'", "a.md:1:26:House.Act:'ACT'"]
    assert _lint(tmp_path / "strong", "IgnoredScopes = code, tt, strong\n", {"Act": ACT},
                 draft) == ["a.md:1:1:House.Act:'ACT'", "a.md:1:26:House.Act:'ACT'"]
    assert _lint(tmp_path / "both", "IgnoredScopes = b, i\n", {"Act": ACT},
                 draft) == ["a.md:1:1:House.Act:'ACT'"]


def test_skipped_scopes_skip_blocks_but_not_the_raw_scope(tmp_path: Path) -> None:
    raw = "extends: existence\nmessage: raw\nscope: raw\nlevel: error\nraw: ['ACT']\n"
    draft = "ACT one\n\n> ACT quoted\n\n| h |\n|---|\n| ACT |\n"
    assert _lint(tmp_path / "none", "", {"Act": ACT}, draft) == [
        "a.md:1:1:House.Act:'ACT'", "a.md:3:3:House.Act:'ACT'", "a.md:7:3:House.Act:'ACT'"]
    assert _lint(tmp_path / "skip", "SkippedScopes = blockquote, td\n",
                 {"Act": ACT, "Raw": raw}, draft) == [
        "a.md:1:1:House.Act:'ACT'", "a.md:1:1:House.Raw:raw", "a.md:3:3:House.Raw:raw",
        "a.md:7:3:House.Raw:raw"]


def test_raw_scoped_rules_ignore_vale_switches_but_not_newslint_directives(tmp_path: Path) -> None:
    raw = "extends: existence\nmessage: raw\nscope: raw\nlevel: error\nraw: ['ACT']\n"
    draft = ("<!-- vale off -->\n\nACT one\n\n<!-- vale on -->\n<!-- vale House.Raw = NO -->\n\n"
             "ACT two\n\n<!-- newslint disable House.Raw -->\n\nACT three\n")
    assert _lint(tmp_path, "", {"Act": ACT, "Raw": raw}, draft) == [
        "a.md:3:1:House.Raw:raw", "a.md:8:1:House.Act:'ACT'", "a.md:8:1:House.Raw:raw",
        "a.md:12:1:House.Act:'ACT'"]


def test_a_match_across_inline_markup_is_reported_at_its_sentence_line(tmp_path: Path) -> None:
    twice = "extends: repetition\nmessage: \"'%s' twice\"\nlevel: error\nalpha: true\n" \
            "tokens: ['[^\\s]+']\n"
    draft = ("First line of the paragraph.\nSee [the docs in](https://x.y/in) in the guide.\n"
             "Say it in in plain words.\n")
    # Vale cannot find "in in" in the source (a link's markup lies between): it reports
    # the first line holding every word of the sentence, from its first column.
    assert _lint(tmp_path, "", {"Twice": twice}, draft) == [
        "a.md:2:1:House.Twice:'in' twice", "a.md:3:8:House.Twice:'in' twice"]


def test_vale_text_scope_holds_alt_texts(tmp_path: Path) -> None:
    draft = "Intro ACT.\n\n![ACT logo](logo.png)\n\n![other](x.png)\n"
    assert _lint(tmp_path / "text", "", {"Act": ACT}, draft) == [
        "a.md:1:7:House.Act:'ACT'", "a.md:3:3:House.Act:'ACT'"]
    scoped = ACT + "scope: paragraph\n"
    assert _lint(tmp_path / "paragraph", "", {"Act": scoped}, draft) == [
        "a.md:1:7:House.Act:'ACT'"]


def test_occurrence_counts_the_characters_of_inline_code(tmp_path: Path) -> None:
    long = ("extends: occurrence\nmessage: too long\nlevel: error\nscope: heading\nmax: 20\n"
            "token: .\n")
    draft = "# `a code span of 15` and more\n\n# `short` and more text\n"
    # 17 characters of code and 9 of text: above 20, reported from the first character
    # outside the code (Vale's position); the second heading has 5 + 14.
    assert _lint(tmp_path, "", {"Long": long}, draft) == ["a.md:1:22:House.Long:too long"]


def test_inline_html_elements_and_ignored_classes(tmp_path: Path) -> None:
    text = 'A <span class="nop x">ACT <b>b</b></span> and <kbd>Ctrl</kbd><br/>.\n'
    block = build_document(SourceText(text), "a.md").blocks[0]
    assert [(i.name, text[i.start:i.end], i.classes) for i in block.inline] == [
        ("span", '<span class="nop x">ACT <b>b</b></span>', ("nop", "x")),
        ("b", "<b>b</b>", ()), ("kbd", "<kbd>Ctrl</kbd>", ())]
    draft = 'ACT <span class="nop">ACT</span> <kbd>ACT</kbd> <b>ACT</b> **ACT**\n'
    assert _lint(tmp_path / "classes", "IgnoredClasses = nop\nIgnoredScopes = kbd, b\n",
                 {"Act": ACT}, draft) == ["a.md:1:1:House.Act:'ACT'"]


def test_vale_patterns_are_multiline_and_a_code_span_may_open_a_sentence_case_heading(
        tmp_path: Path) -> None:
    rules = {"Emphasis": "extends: existence\nmessage: emphasis\nscope: raw\nnonword: true\n"
                         "tokens: ['^#+.*\\*.*']\n",
             "Case": "extends: capitalization\nmessage: \"'%s'\"\nscope: heading\n"
                     "match: $sentence\nindicators: [':']\nthreshold: 0.9\n"}
    draft = ("# Title\n\n## `code` opens this heading\n\n## *Emphasis* here\n\n## a heading\n\n"
             "## Step one: `code` after the colon\n\n## Step two: then a small word\n")
    # After an indicator (':'), a code span counts as the capitalised word; a small
    # word there does not.
    assert _lint(tmp_path, "", rules, draft) == [
        "a.md:5:1:House.Emphasis:emphasis", "a.md:7:4:House.Case:'a heading'",
        "a.md:11:4:House.Case:'Step two: then a small word'"]


def test_strong_emphasis_and_summary_scopes(tmp_path: Path) -> None:
    rules = {"Strong": ACT + "scope: strong\n", "Em": ACT + "scope: emphasis\n",
             "Body": ACT + "scope: summary\n"}
    draft = "# ACT\n\nACT **ACT** *ACT* <b>ACT</b>\n\n| ACT |\n|---|\n| x |\n"
    assert _lint(tmp_path, "", rules, draft) == [
        "a.md:3:1:House.Body:'ACT'", "a.md:3:7:House.Body:'ACT'", "a.md:3:7:House.Strong:'ACT'",
        "a.md:3:14:House.Body:'ACT'", "a.md:3:14:House.Em:'ACT'", "a.md:3:22:House.Body:'ACT'",
        "a.md:3:22:House.Strong:'ACT'"]
