"""``python -m career_cli`` runs the same entry point as the ``career`` script."""

from career_cli.launch import run

run()
