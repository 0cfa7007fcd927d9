-- Drive `newslint lsp` from headless Neovim (0.7+ API: start_client + buf_attach_client)
-- and write what the editor saw to $NEWSLINT_OUT as JSON (tests/lsp/test_lsp_neovim.py).
local env = vim.env
local report = { steps = {} }
local TIMEOUT = tonumber(env.NEWSLINT_TIMEOUT_MS or "30000")

local function step(name)
  table.insert(report.steps, name)
end

local function codes(diagnostics)
  local found = {}
  for _, d in ipairs(diagnostics) do
    table.insert(found, d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code))
  end
  return found
end

local function has_code(bufnr, code)
  for _, c in ipairs(codes(vim.diagnostic.get(bufnr))) do
    if c == code then
      return true
    end
  end
  return false
end

local function request(bufnr, client_id, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, TIMEOUT)
  assert(responses, method .. ": " .. tostring(err))
  local response = responses[client_id]
  assert(response and not response.err, method .. ": " .. vim.inspect(response))
  return response.result
end

local function run()
  vim.cmd("filetype on") -- so the buffer's language id is "markdown", as for a user
  local root = env.NEWSLINT_ROOT
  local client_id = vim.lsp.start_client({
    name = "newslint",
    cmd = vim.fn.json_decode(env.NEWSLINT_CMD),
    cmd_cwd = root,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = "newsroom" } },
    on_exit = function(code, signal)
      report.exit_code = code
      report.exit_signal = signal
    end,
  })
  assert(client_id, "the language server did not start")
  step("started")

  vim.cmd("edit " .. vim.fn.fnameescape(env.NEWSLINT_DRAFT))
  local bufnr = vim.api.nvim_get_current_buf()
  report.filetype = vim.bo[bufnr].filetype
  report.fileformat = vim.bo[bufnr].fileformat
  vim.lsp.buf_attach_client(bufnr, client_id)
  report.published = vim.wait(TIMEOUT, function()
    return #vim.diagnostic.get(bufnr) > 0
  end, 10)
  report.diagnostics = vim.diagnostic.get(bufnr)
  local client = vim.lsp.get_client_by_id(client_id)
  report.offset_encoding = client.offset_encoding
  step("diagnostics")

  -- Hover and code actions on the disclaimer finding, as <K> and code_action() would.
  local target
  for _, d in ipairs(report.diagnostics) do
    if d.code == env.NEWSLINT_RULE then
      target = d
    end
  end
  assert(target, "no " .. env.NEWSLINT_RULE .. " diagnostic")
  vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
  local hover = request(bufnr, client_id, "textDocument/hover",
    vim.lsp.util.make_position_params(0, client.offset_encoding))
  report.hover = hover and hover.contents
  step("hover")

  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, target.lnum) }
  local actions = request(bufnr, client_id, "textDocument/codeAction", params) or {}
  report.actions = {}
  local disable
  for _, action in ipairs(actions) do
    table.insert(report.actions, action.title)
    if action.title:find("^Disable ") then
      disable = action
    end
  end
  step("code actions")

  -- Apply "Disable RULE for this line": the buffer changes (unsaved), the server lints
  -- the new text and the finding goes away.
  assert(disable, "no disable action")
  vim.lsp.util.apply_workspace_edit(disable.edit, client.offset_encoding)
  report.silenced = vim.wait(TIMEOUT, function()
    return not has_code(bufnr, env.NEWSLINT_RULE) and #vim.diagnostic.get(bufnr) > 0
  end, 10)
  report.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  report.diagnostics_after = vim.diagnostic.get(bufnr)
  report.modified = vim.bo[bufnr].modified
  step("disabled")

  vim.lsp.stop_client(client_id)
  report.stopped = vim.wait(TIMEOUT, function()
    return report.exit_code ~= nil
  end, 10)
  step("stopped")
end

local ok, err = xpcall(run, debug.traceback)
report.ok = ok
report.error = ok and vim.NIL or tostring(err)
vim.fn.writefile({ vim.fn.json_encode(report) }, env.NEWSLINT_OUT)
vim.cmd("qall!")
