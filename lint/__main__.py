"""`python -m lint` runs the newslint command line."""

from lint.cli import run_cli

run_cli()
