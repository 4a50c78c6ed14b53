"""kgload: news articles to a Neo4j knowledge graph with sentence-level evidence."""

__version__ = "0.1.0"
