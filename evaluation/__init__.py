"""Development-set evaluation: build the warehouse on annotated news and score its marts.

`python -m evaluation --help`; `make eval` runs it with the spaCy baseline."""
