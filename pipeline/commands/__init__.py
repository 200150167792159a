"""The commands: one module each, called by `pipeline.cli` with the parsed arguments."""
