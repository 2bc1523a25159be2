"""The one reader: a report of any kind (.docx, .txt, .md, .html, or a YAML data file
rendered) read into paragraphs, normalised, parsed into kinds and parts. Check, import,
diff and the miner all read through here; nothing here knows about mining."""
