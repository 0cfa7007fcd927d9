"""Word drafts (.docx) → plain text, one line per paragraph, read with python-docx."""

from __future__ import annotations

WORD_SUFFIXES = (".docx",)


def is_word_document(path: str) -> bool:
    return path.lower().endswith(WORD_SUFFIXES)


class WordError(Exception):
    """A .docx file that cannot be read (message for the user)."""


def docx_text(data: bytes) -> str:
    """The document's paragraphs with text, in order, one per line.

    A Word document has no lines, so a finding's line is the number of the paragraph
    (counting those with text; tables, headers and footnotes are not read).
    """
    # Imported here, not at the top: every run imports this module (is_word_document),
    # few read Word documents, and zipfile costs a few milliseconds of each start.
    import io
    import zipfile

    try:
        import docx  # python-docx: only runs that read Word documents import it
    except ImportError:
        raise WordError("reading Word documents needs python-docx: "
                        "pip install 'newslint[docx]'") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise WordError(f"not a readable Word document: {exc}") from None
    paragraphs = (" ".join(p.text.split()) for p in document.paragraphs)
    return "".join(f"{text}\n" for text in paragraphs if text)
