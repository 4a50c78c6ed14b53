"""Names and their alias keys, worked out by hand from the rule (cypher/README.md: lower case,
accents off, punctuation dropped, '-' and white space folded to one space). The unit layer checks
names.alias_key against them, the integration layer the Cypher expression of the templates
({{ alias_key(...) }}), so the two agree."""

HAND_KEYS = [
    ("Juan Guaidó", "juan guaido"),            # an accent
    ("Nicolás  Maduro", "nicolas maduro"),     # an accent and two spaces
    ("  U.S. ", "us"),                         # dots, spaces around
    ("the Maduro-regime", "the maduro regime"),  # a hyphen separates words
    ("Jean-Yves  Le\tDrian", "jean yves le drian"),  # hyphen, two spaces, a tab
    ("O'Neil", "oneil"),                       # an apostrophe is dropped
    ("Côte d\u2019Ivoire", "cote divoire"),    # a typographic apostrophe too
    ("George W. Bush", "george w bush"),       # an initial's dot
    ("Ünïcödé  Çase", "unicode case"),
    ("São Tomé & Príncipe", "sao tome principe"),  # '&' dropped, its spaces folded
    ("---", ""),
    ("", ""),
    ("Guaido\u0301", "guaido"),                # a combining accent
    ("東京", "東京"),                          # every script's letters stay
    ("x\ty", "x y"),
]
