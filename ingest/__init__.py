"""Load news articles verbatim into the warehouse's raw layer (see ingest.load.ingest_paths)."""
