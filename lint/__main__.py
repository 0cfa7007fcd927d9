"""`python -m lint`: the newslint command line."""

from lint.cli import run_cli

if __name__ == "__main__":
    run_cli()
