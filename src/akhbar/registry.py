"""Imports every stage that registers a table, in pipeline order.

The corpus and the command line import this module, never the stages by name; a new
table is one more line here and nothing else.
"""
