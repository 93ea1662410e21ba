-- figcheck's language server in Neovim (0.7 or later). Put this in your
-- init.lua, or load it with `nvim -u`. Neovim 0.8+ can use vim.lsp.start
-- with the same fields.
vim.api.nvim_create_autocmd("FileType", {
  pattern = { "markdown", "text", "html" },
  callback = function(args)
    local name = vim.api.nvim_buf_get_name(args.buf)
    local rules = vim.fn.findfile("rules.toml", vim.fn.fnamemodify(name, ":p:h") .. ";")
    local root = rules ~= "" and vim.fn.fnamemodify(rules, ":p:h") or vim.fn.getcwd()
    local client = vim.lsp.start_client({
      name = "figcheck",
      cmd = { vim.env.FIGCHECK or "figcheck", "server" },
      root_dir = root,
    })
    vim.lsp.buf_attach_client(args.buf, client)
  end,
})
