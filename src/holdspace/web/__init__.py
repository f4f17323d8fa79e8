"""The web app and JSON API: thin edges over the same services the CLI uses."""

from holdspace.web.app import create_app

__all__ = ["create_app"]
