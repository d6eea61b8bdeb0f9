"""Who may see and change what: accounts and roles, provider isolation, wallboard links."""
