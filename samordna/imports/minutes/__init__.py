"""Reading Swedish förbund protocols: pure functions, no database.

`parse(extracted)` reads the lines `samordna.imports.extract` took out of a file and
returns a `Parsed`; `parse_file(data, filename)` does both.
"""
