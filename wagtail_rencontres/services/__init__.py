"""Domain logic as plain functions, grouped by noun."""
