"""Tools for the people who keep the claims table: validate, inspect, extract.

Every module returns plain data and never prints; commands/claims.py and
commands/sources.py turn the answers into output and exit statuses. Nothing here
is imported when gcmcheck starts: only the subcommand that needs it loads it.
"""
