"""Build a Document from a SourceText: front matter, blocks, sentences, language."""

from __future__ import annotations

import re
from typing import Any

import regex

from lint.data import load_data
from lint.document import Document, Problem, Sentence
from lint.document.language import Languages, builtin_languages, normalise_lang
from lint.document.plaintext import mark_crossheads, parse_text
from lint.document.sentences import split_sentences
from lint.source import SourceText
from lint.yamlio import InputError, load_yaml_data

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_FENCE = re.compile(r"(?:---|\.\.\.)[ \t]*$")


HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def kind_for_path(path: str) -> str:
    """"markdown" for Markdown file names, "html" for HTML, "text" for everything else."""
    lower = path.lower()
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return "html" if lower.endswith(HTML_SUFFIXES) else "text"


def build_document(
    source: SourceText,
    path: str = "<string>",
    kind: str | None = None,
    default_lang: str | None = None,
    languages: Languages | None = None,
    lang: str | None = None,
) -> Document:
    """Parse `source` into a Document.

    Language: `lang` when the caller forces one, else front matter `lang:`, then
    `default_lang` (configuration; None or "auto" means detect), then detection among
    the installed `languages` (default: the built-in language packs). Sentences are
    split with that language's abbreviations.
    """
    languages = languages or builtin_languages()
    doc = Document(source=source, kind=kind or kind_for_path(path), path=path)
    body_line = _cut_front_matter(doc)
    paragraphs = False
    if doc.kind == "markdown":
        # Imported for Markdown drafts only: markdown_it and its rule modules are about
        # 1.2 MiB of a plain-text or HTML check's memory.
        from lint.document.markdown import parse_markdown

        parse_markdown(doc, _blank_lines(source, body_line))
    elif doc.kind == "html":
        # Imported for HTML drafts only: the reader and its tag table (html.parser, a YAML
        # file) cost about 3 ms of every start.
        from lint.document.html_reader import parse_html

        parse_html(doc)
    else:
        paragraphs = parse_text(doc, body_line)
    # Bylines first: they are not prose, so they neither vote in detection nor get sentences.
    _mark_bylines(doc, languages)
    if paragraphs:
        # Then crossheads, among the short lines that are not bylines. A one-line-per-
        # paragraph CMS export is left alone: its short lines are mostly furniture.
        mark_crossheads(doc)
    doc.lang = normalise_lang(lang) if lang else _language(doc, default_lang, languages)
    data = languages.get(doc.lang)
    for block in doc.blocks:
        if block.is_prose:
            block.sentences = [Sentence(s, e) for s, e in split_sentences(block.text, data)]
    return doc


def _language(doc: Document, default_lang: str | None, languages: Languages) -> str:
    """Front matter `lang:` (or `language:`), then configuration, then detection."""
    declared = doc.meta.get("lang") or doc.meta.get("language")
    if isinstance(declared, str) and declared.strip():
        return normalise_lang(declared)
    if default_lang and default_lang.strip().lower() != "auto":
        return normalise_lang(default_lang)
    return languages.detect(" ".join(b.text for b in doc.prose_blocks))


def _cut_front_matter(doc: Document) -> int:
    """Record YAML front matter (`---` ... `---`) as metadata; return the first body line."""
    source = doc.source
    if source.line_count < 2 or source.line_text(0).rstrip() != "---":
        return 0
    for line in range(1, source.line_count):
        if _FENCE.match(source.line_text(line)):
            start, end = 0, source.line_end(line)
            doc.front_matter = (start, end)
            body = source.text[source.line_starts[1] : source.line_starts[line]]
            doc.meta = _parse_meta(doc, body, source.line_starts[1])
            return line + 1
    return 0


def _parse_meta(doc: Document, body: str, base: int) -> dict[str, Any]:
    """Parse the front matter YAML (bounded like every YAML newslint reads); a problem is
    recorded at its line and column."""
    try:
        data = load_yaml_data(body, doc.path) if body.strip() else {}
    except InputError as exc:
        # The error's index counts code points into `body`; its line would follow YAML's
        # own idea of line breaks (which includes U+2028), so it is not used.
        offset = base + min(exc.index or 0, len(body))
        end = min(offset + 1, doc.source.line_end(doc.source.line_of(offset)))
        message = exc.message.removeprefix("invalid YAML: ")
        doc.problems.append(
            Problem(offset, max(end, offset), f"invalid front matter YAML: {message}")
        )
        return {}
    if not isinstance(data, dict):
        doc.problems.append(Problem(base, base + 1, "front matter must be a YAML mapping"))
        return {}
    return data


def _blank_lines(source: SourceText, first_body_line: int) -> str:
    """The source with the front matter lines emptied: line numbers stay those of the file."""
    if first_body_line == 0:
        return source.text
    head = "".join(source.line_ending(line) for line in range(first_body_line))
    if first_body_line >= source.line_count:  # the closing fence ends the file, no newline
        return head
    return head + source.text[source.line_starts[first_body_line] :]


def _mark_bylines(doc: Document, languages: Languages) -> None:
    """Short top-level paragraphs such as "By Owen Price, ..." become ("byline",), with
    every installed language's patterns (the language is not known yet)."""
    patterns, not_names = languages.bylines, languages.byline_not_names
    limit = load_data("document")["byline_max_words"]
    for block in doc.blocks:
        if block.scope != ("paragraph",):
            continue
        text = block.text.strip().strip("*_ ")
        words = text.split()
        if not words or len(words) > limit or text.endswith((".", "!", "?", "…")):
            continue
        match = next((m for p in patterns if (m := p.search(text))), None)
        if match is None:
            continue
        # The word the pattern stopped on must be a name, not "By Tuesday, ...".
        name = regex.match(r"[@\p{L}]+", text[match.end() - 1 :])
        if name and name.group().lstrip("@") in not_names:
            continue
        block.scope = ("byline",)
