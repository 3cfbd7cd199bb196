"""Alembic migrations for the sessions database, shipped inside the package (see db/README.md)."""
