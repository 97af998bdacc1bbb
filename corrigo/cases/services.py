"""Writes about cases."""
