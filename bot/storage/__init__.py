"""Persistence: the database engine, tables, migrations, repository functions and data rights."""
