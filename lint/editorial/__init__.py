"""Editorial analysis: claims, quantities, sources, hedges and repeats, driven by YAML lexicons."""
