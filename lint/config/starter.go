package config

// Starter returns a commented .citelint.yml for `citelint init`. What is
// active is the defaults, so the file changes nothing until edited and loads
// with any rule list; what is commented out is examples that load as well
// once uncommented in place (TestStarterExamples checks both).
func Starter() string {
	return `# citelint configuration. Unknown keys and rule IDs are errors, so a typo
# never silently leaves a rule on. "citelint rules" lists the rules and
# "citelint explain ID" describes one.
version: 1

# The citation style: auto (detect it from each essay), mla, apa, chicago
# or harvard.
style: auto

# Rule severities: off, info, warning or error. A rule that takes options
# is given a mapping of its severity and options. Uncomment to change a
# rule's default.
rules:
  # entry-order: off
  # quote-long: warning
  # uncited-copy: {severity: error, min-words: 10}

quotes:
  # Quoted spans of fewer words are terms or scare quotes, not quotations
  # that need a source.
  min-words: 4

# Folders of source texts (html, txt, md, pdf, docx) to check quotations
# against, relative to this file; each may hold a sources.yml.
# sources: [./sources]

# Check cited links, DOIs and ISBNs over the network (also --online).
online: false

network:
  # Where fetched pages are kept (by default, the user cache folder).
  # cache: ~/.cache/citelint
  # How long a fetched page is reused: 30m, 12h, 7d.
  max-age: 7d
  # A contact address sent to Crossref and Open Library, as they ask.
  # mailto: instructor@example.edu
  endpoints:
    doi: "https://doi.org/"
    crossref: "https://api.crossref.org/"
    openlibrary: "https://openlibrary.org/"

# Settings for some files only. Patterns match paths relative to this
# file; "**" crosses folders; a pattern with no slash matches a file name
# in any folder. Later overrides win.
# overrides:
#   - files: ["drafts/**"]
#     rules: {entry-uncited: off}
`
}
