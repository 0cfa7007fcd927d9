"""Language Server Protocol support: `convert` (plain LSP JSON) and `server` (pygls)."""

# Nothing is imported here on purpose: `lint.lsp.convert` is used by the `--format lsp`
# reporter, which must not load pygls (only `lint.lsp.server` does).
