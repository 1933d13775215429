"""gcmcheck: check statements about the Global Compact for Migration against sourced claims."""

__version__ = "0.1.0"
