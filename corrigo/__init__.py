"""corrigo: a self-hosted reader corrections desk for news publishers."""

__version__ = "0.1.0"
