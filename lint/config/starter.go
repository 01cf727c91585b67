package config

// Starter returns a commented .citelint.yml for `citelint init`. Every
// setting is written out at its default, so the file changes nothing until
// edited, and it loads as it is with any rule list.
func Starter() string {
	return `# citelint configuration. Unknown keys and rule IDs are errors, so a typo
# never silently leaves a rule on. "citelint rules" lists the rules and
# "citelint explain ID" describes one.
version: 1

# The citation style: auto (detect it from each essay), mla, apa, chicago
# or harvard.
style: auto

# Rule severities: off, info, warning or error. A rule may also take
# options, written as a mapping with its severity:
#   entry-order: off
#   quote-long: warning
#   uncited-copy: {severity: error, min-words: 10}
rules: {}

quotes:
  # Quoted spans of fewer words are terms or scare quotes, not quotations
  # that need a source.
  min-words: 4

# Folders of source texts (html, txt, md, pdf, docx) to check quotations
# against, relative to this file; each may have a sources.yml.
#   sources: [./sources]
sources: []

# Check cited links, DOIs and ISBNs over the network (also --online).
online: false

network:
  # Where fetched pages are kept; by default the user cache folder.
  #   cache: ~/.cache/citelint
  # How long a fetched page is reused: 30m, 12h, 7d.
  max-age: 7d
  # A contact address sent to Crossref and Open Library, as they ask.
  #   mailto: instructor@example.edu
  endpoints:
    doi: "https://doi.org/"
    crossref: "https://api.crossref.org/"
    openlibrary: "https://openlibrary.org/"

# Settings for some files only, matched against paths relative to this
# file: "**" crosses folders, a pattern with no slash matches a file name
# anywhere. Later overrides win.
#   overrides:
#     - files: ["drafts/**"]
#       rules: {entry-uncited: off}
overrides: []
`
}
