"""The command line: the typer app, the extract command and the README's generated option tables."""
