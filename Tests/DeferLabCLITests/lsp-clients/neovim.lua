-- Neovim's own LSP client (0.7 and later) on deferlab lsp, headless: open a Go file, wait for
-- the findings, apply the preferred quick fix, write the file, ask for a fix-all (there should
-- be nothing left), stop the server. Reads DEFERLAB_BIN, DEFERLAB_FILE; writes a log to
-- DEFERLAB_OUT; exits 0 when every step worked.
local bin, file, out = os.getenv("DEFERLAB_BIN"), os.getenv("DEFERLAB_FILE"), os.getenv("DEFERLAB_OUT")
local lines = {}
local function log(s) table.insert(lines, s) end
local function finish(ok)
  local f = io.open(out, "w")
  f:write(table.concat(lines, "\n") .. "\n")
  f:close()
  vim.cmd(ok and "qa!" or "cq!")
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local exit_code = nil
local id = vim.lsp.start_client({
  name = "deferlab",
  cmd = { bin, "lsp", "--lang", "en" },
  root_dir = vim.fn.fnamemodify(file, ":h"),
  on_exit = function(code) exit_code = code end,
})
vim.lsp.buf_attach_client(buf, id)

if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
  log("no diagnostics")
  return finish(false)
end
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = (d.user_data or {}).lsp or {}
  log(string.format("diagnostic %d:%d %s %s", d.lnum, d.col, lsp.code or d.code or "?", d.message))
end

local client = vim.lsp.get_client_by_id(id)
local function actions(only)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 0, character = 0 }, ["end"] = { line = vim.api.nvim_buf_line_count(buf), character = 0 } },
    context = { diagnostics = {}, only = only },
  }
  local res = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 20000) or {}
  return ((res[id] or {}).result) or {}
end

local applied = false
for _, a in ipairs(actions({ "quickfix" })) do
  log("action " .. a.kind .. " preferred=" .. tostring(a.isPreferred) .. " " .. a.title)
  if a.isPreferred and not applied then
    vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding)
    applied = true
  end
end
if not applied then
  log("no preferred quick fix")
  return finish(false)
end
vim.cmd("write")
log("written")

-- The change reaches the server; then nothing safe is left to fix.
vim.wait(500)
log("fix-all actions left: " .. #actions({ "source.fixAll" }))

vim.lsp.stop_client(id)
vim.wait(10000, function() return exit_code ~= nil end, 20)
log("server exit " .. tostring(exit_code))
finish(exit_code == 0)
