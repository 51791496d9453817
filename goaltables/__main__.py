"""`python -m goaltables`: the same as the `goaltables` command."""

from goaltables.cli import main

main()
