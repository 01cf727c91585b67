package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/engine"
)

// SARIF constants. The schema URL is the one GitHub's documentation uses;
// it serves the same OASIS 2.1.0 schema (errata 01).
const (
	sarifSchema    = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion   = "2.1.0"
	toolName       = "citelint"
	informationURI = "https://github.com/citelint/citelint"
	// fingerprintKey is the partial fingerprint GitHub's upload action
	// computes from the file when it is missing; citelint sets it only for
	// archive members, whose lines are not lines of the archive.
	fingerprintKey = "primaryLocationLineHash"
)

// sarifFormatter writes one SARIF 2.1.0 log with one run. It streams: the
// results come first, one per line, as the files are linted; the tool
// with its rule catalogue and the invocation follow at End. (JSON objects
// have no order, and so a rule that is missing from the catalogue can still
// be described and indexed.) It keeps only the rule list and the read
// errors, never an essay.
type sarifFormatter struct {
	w       io.Writer
	base    string
	version string
	rules   []sarifRule
	index   map[string]int
	results int
	notices []sarifNotification
}

func newSARIFFormatter(w io.Writer, opts Options) *sarifFormatter {
	f := &sarifFormatter{w: w, base: opts.BaseDir, version: opts.Version, rules: []sarifRule{}, index: map[string]int{}}
	for _, m := range opts.Rules {
		if _, dup := f.index[m.ID]; dup || m.ID == "" {
			continue
		}
		f.index[m.ID] = len(f.rules)
		f.rules = append(f.rules, newSARIFRule(m))
	}
	return f
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifHelp          `json:"help"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifConfiguration struct {
	// Enabled is false for a rule that is off by default; nil (true)
	// otherwise.
	Enabled *bool  `json:"enabled,omitempty"`
	Level   string `json:"level"`
}

type sarifRuleProps struct {
	Tags []string `json:"tags"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	Properties          *sarifResultProps `json:"properties,omitempty"`
}

type sarifResultProps struct {
	Student string `json:"student,omitempty"`
	Late    bool   `json:"late,omitempty"`
}

type sarifLocation struct {
	ID               int               `json:"id,omitempty"`
	PhysicalLocation sarifPhysical     `json:"physicalLocation"`
	LogicalLocations []sarifLogical    `json:"logicalLocations,omitempty"`
	Message          *sarifText        `json:"message,omitempty"`
	Properties       map[string]string `json:"properties,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifLogical struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

// sarifRegion counts lines from 1 and columns in code points from 1 (the
// run's columnKind), the end column exclusive, as SARIF does.
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifText     `json:"description"`
	ArtifactChanges []sarifChange `json:"artifactChanges"`
}

type sarifChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent *sarifText  `json:"insertedContent,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

// sarifDriver is the tool's description; End adds its rules.
type sarifDriver struct {
	Name            string `json:"name"`
	Version         string `json:"version,omitempty"`
	SemanticVersion string `json:"semanticVersion,omitempty"`
	InformationURI  string `json:"informationUri"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

func (f *sarifFormatter) Begin() error {
	_, err := fmt.Fprintf(f.w, `{"$schema":%q,"version":%q,"runs":[{"columnKind":"unicodeCodePoints","results":[`,
		sarifSchema, sarifVersion)
	return err
}

func (f *sarifFormatter) File(r engine.Result) error {
	file := newSARIFFile(f.base, r)
	if r.Err != nil {
		f.notices = append(f.notices, sarifNotification{
			Level:     "error",
			Message:   sarifText{Text: r.Err.Error()},
			Locations: []sarifLocation{file.location(nil)},
		})
	}
	if len(r.Diagnostics) == 0 {
		return nil
	}
	loc := newLocator(r.Src)
	occurrences := map[string]int{}
	var b strings.Builder
	for _, d := range r.Diagnostics {
		res := sarifResult{
			RuleID:    d.Rule,
			RuleIndex: f.ruleIndex(d.Rule),
			Level:     sarifLevel(d.Severity),
			Message:   sarifText{Text: file.message(d.Message, d.Rule)},
			Locations: []sarifLocation{file.location(loc.sarifRegion(d.Span))},
		}
		for i, rel := range d.Related {
			l := file.location(loc.sarifRegion(rel.Span))
			l.ID = i + 1
			l.Message = &sarifText{Text: nonEmpty(rel.Message, "related location")}
			res.RelatedLocations = append(res.RelatedLocations, l)
		}
		if file.member == "" {
			res.Fixes = sarifFixes(file.uri, loc, d.Fixes)
		} else {
			res.PartialFingerprints = map[string]string{fingerprintKey: file.fingerprint(loc, d.Span, occurrences)}
		}
		if r.Student != "" || r.Late {
			res.Properties = &sarifResultProps{Student: r.Student, Late: r.Late}
		}
		data, err := json.Marshal(res)
		if err != nil {
			return fmt.Errorf("%s: encoding SARIF: %w", r.Path, err)
		}
		if f.results > 0 {
			b.WriteByte(',')
		}
		f.results++
		b.WriteByte('\n')
		b.Write(data)
	}
	_, err := io.WriteString(f.w, b.String())
	return err
}

func (f *sarifFormatter) End(s Summary) error {
	// The driver is written by hand around its rules so that each rule
	// sits on a line of its own, as each result does.
	driver, err := json.Marshal(sarifDriver{
		Name:            toolName,
		Version:         f.version,
		SemanticVersion: semanticVersion(f.version),
		InformationURI:  informationURI,
	})
	if err != nil {
		return fmt.Errorf("encoding SARIF tool: %w", err)
	}
	var tool strings.Builder
	tool.WriteString(`{"driver":`)
	tool.Write(driver[:len(driver)-1])
	tool.WriteString(`,"rules":[`)
	for i, rule := range f.rules {
		data, err := json.Marshal(rule)
		if err != nil {
			return fmt.Errorf("encoding SARIF rule %s: %w", rule.ID, err)
		}
		if i > 0 {
			tool.WriteByte(',')
		}
		tool.WriteByte('\n')
		tool.Write(data)
	}
	tool.WriteString("]}}")
	notices := f.notices
	if notices == nil {
		notices = []sarifNotification{}
	}
	invocations, err := json.Marshal([]sarifInvocation{{
		// Unread files mean the results are incomplete.
		ExecutionSuccessful:        s.Failed == 0,
		ToolExecutionNotifications: notices,
	}})
	if err != nil {
		return fmt.Errorf("encoding SARIF invocation: %w", err)
	}
	sep := ""
	if f.results > 0 {
		sep = "\n"
	}
	_, err = fmt.Fprintf(f.w, "%s],\n\"tool\":%s,\n\"invocations\":%s}]}\n", sep, tool.String(), invocations)
	return err
}

// ruleIndex is the rule's place in the catalogue. A rule missing from it
// (a caller that passed no catalogue) gets a bare descriptor, so that every
// result still points at a rule, as code scanning wants.
func (f *sarifFormatter) ruleIndex(id string) int {
	if i, ok := f.index[id]; ok {
		return i
	}
	f.index[id] = len(f.rules)
	f.rules = append(f.rules, newSARIFRule(lint.Meta{ID: id, Severity: lint.SeverityWarning}))
	return f.index[id]
}

// sarifFile is where one result's locations point. An archive member's
// findings point at the archive (the file in the repository) with the
// member as a logical location; their regions count lines and columns in
// the member.
type sarifFile struct {
	uri    string
	name   string // the result's path, "class.zip:member" for a member
	member string
}

func newSARIFFile(base string, r engine.Result) sarifFile {
	archive, member, ok := splitMember(r.Path)
	if !ok {
		return sarifFile{uri: fileURI(repoPath(base, r.Path)), name: r.Path}
	}
	return sarifFile{uri: fileURI(repoPath(base, archive)), name: r.Path, member: member}
}

func (sf sarifFile) location(region *sarifRegion) sarifLocation {
	l := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: sf.uri}, Region: region}}
	if sf.member != "" {
		l.LogicalLocations = []sarifLogical{{Name: sf.member, FullyQualifiedName: sf.name, Kind: "archiveMember"}}
		l.Properties = map[string]string{"archiveMember": sf.member}
	}
	return l
}

// message is the result's text. For a member it starts with the member's
// path: code scanning shows the message and the archive, not logical
// locations, and the reader must know which essay is meant.
func (sf sarifFile) message(msg, rule string) string {
	msg = nonEmpty(msg, rule)
	if sf.member == "" {
		return msg
	}
	return sf.member + ": " + msg
}

// fingerprint stands in for the line hash GitHub computes from the file,
// which for a member would hash lines of the zip: the member, the text of
// the finding's line, and how many times that pair came before.
func (sf sarifFile) fingerprint(loc *locator, sp lint.Span, seen map[string]int) string {
	line := loc.ix.Line(loc.pos(loc.clamp(sp).Start).Line)
	sum := sha256.Sum256([]byte(sf.member + "\x00" + collapseSpace(line)))
	key := hex.EncodeToString(sum[:8])
	seen[key]++
	return fmt.Sprintf("%s:%d", key, seen[key])
}

func sarifFixes(uri string, loc *locator, fixes []lint.Fix) []sarifFix {
	var out []sarifFix
	for _, fix := range fixes {
		if len(fix.Edits) == 0 {
			continue
		}
		change := sarifChange{ArtifactLocation: sarifArtifact{URI: uri}}
		for _, e := range fix.Edits {
			rep := sarifReplacement{DeletedRegion: *loc.sarifRegion(e.Span)}
			if e.New != "" {
				rep.InsertedContent = &sarifText{Text: e.New}
			}
			change.Replacements = append(change.Replacements, rep)
		}
		out = append(out, sarifFix{
			Description:     sarifText{Text: nonEmpty(fix.Message, "apply the suggested edit")},
			ArtifactChanges: []sarifChange{change},
		})
	}
	return out
}

func (l *locator) sarifRegion(sp lint.Span) *sarifRegion {
	r := l.jsonRange(sp)
	return &sarifRegion{StartLine: r.Line, StartColumn: r.Column, EndLine: r.EndLine, EndColumn: r.EndColumn}
}

// sarifLevel maps a severity to a SARIF level; info is a note.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	case lint.SeverityInfo:
		return "note"
	}
	return "none"
}

// newSARIFRule describes a rule from its Meta: the summary is the short
// description, the documentation the full one, and the help adds the wrong
// and right examples.
func newSARIFRule(m lint.Meta) sarifRule {
	short := nonEmpty(capitalize(m.Summary), m.ID)
	full := nonEmpty(unwrap(m.Doc), short)
	level := sarifLevel(m.Severity)
	var enabled *bool
	if m.Severity == lint.SeverityOff {
		// Off by default; --enable runs it as a warning.
		off := false
		enabled, level = &off, "warning"
	}
	tags := []string{}
	if m.Category != "" {
		tags = append(tags, m.Category)
	}
	for _, st := range m.Styles {
		tags = append(tags, string(st))
	}
	text, markdown := ruleHelp(full, m)
	return sarifRule{
		ID:                   m.ID,
		Name:                 pascalCase(m.ID),
		ShortDescription:     sarifText{Text: short},
		FullDescription:      sarifText{Text: full},
		Help:                 sarifHelp{Text: text, Markdown: markdown},
		DefaultConfiguration: sarifConfiguration{Enabled: enabled, Level: level},
		Properties:           sarifRuleProps{Tags: tags},
	}
}

// ruleHelp is a rule's help as plain text and as Markdown.
func ruleHelp(full string, m lint.Meta) (text, markdown string) {
	var t, md strings.Builder
	t.WriteString(full)
	md.WriteString(full)
	for _, ex := range []struct{ label, text string }{{"Wrong", m.Wrong}, {"Right", m.Right}} {
		example := strings.Trim(ex.text, "\n")
		if strings.TrimSpace(example) == "" {
			continue
		}
		fmt.Fprintf(&t, "\n\n%s:", ex.label)
		for _, line := range strings.Split(example, "\n") {
			t.WriteString("\n" + strings.TrimRight("    "+line, " "))
		}
		fence := codeFence(example)
		fmt.Fprintf(&md, "\n\n**%s:**\n\n%stext\n%s\n%s", ex.label, fence, example, fence)
	}
	return t.String(), md.String()
}

// codeFence is a backtick fence longer than any run of backticks in s, so
// that an example cannot close its own code block.
func codeFence(s string) string {
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
			continue
		}
		run = 0
	}
	return strings.Repeat("`", max(3, longest+1))
}

// unwrap joins a documentation string's hard-wrapped lines into
// paragraphs, which SARIF viewers wrap themselves.
func unwrap(doc string) string {
	var paras []string
	for _, p := range strings.Split(strings.TrimSpace(doc), "\n\n") {
		if p = collapseSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// pascalCase turns "quote-uncited" into "QuoteUncited", the shape SARIF
// suggests for a rule's name.
func pascalCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
		b.WriteString(capitalize(part))
	}
	return b.String()
}

// semanticVersion is the version without its "v" when it is a release
// (v1.2.3), and empty for a development build.
func semanticVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	parts := strings.SplitN(v, ".", 3)
	if len(parts) != 3 {
		return ""
	}
	for _, p := range parts[:2] {
		if p == "" || strings.TrimLeft(p, "0123456789") != "" {
			return ""
		}
	}
	if parts[2] == "" || !unicode.IsDigit(rune(parts[2][0])) {
		return ""
	}
	return v
}

func nonEmpty(s, fallback string) string {
	if strings.TrimSpace(s) == "" {
		return fallback
	}
	return s
}
