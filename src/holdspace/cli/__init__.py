"""The `holdspace` command: one module per command group, thin over the same services."""
