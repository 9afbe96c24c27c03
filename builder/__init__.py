"""timeline-builder: news articles → dated, sourced YAML events → timeline and briefings site."""

__version__ = "0.1.0"
