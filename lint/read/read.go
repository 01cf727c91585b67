// Package read turns the bytes of an essay file into a lint.Document: the
// essay's text with boilerplate left out, its blocks, links and italics, and
// the map from text offsets back to the original bytes.
package read

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/citelint/citelint/lint"
	"github.com/citelint/citelint/lint/read/office"
	"github.com/citelint/citelint/lint/read/pdf"
)

// FormatOf returns the format a file name's extension names, and whether
// citelint reads it.
func FormatOf(path string) (lint.Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return lint.FormatText, true
	case ".md", ".markdown":
		return lint.FormatMarkdown, true
	case ".html", ".htm", ".xhtml":
		return lint.FormatHTML, true
	case ".docx":
		return lint.FormatDocx, true
	case ".odt":
		return lint.FormatODT, true
	case ".pdf":
		return lint.FormatPDF, true
	}
	return "", false
}

// Read reads src, the contents of the file at path, in the format its
// extension names.
func Read(path string, src []byte) (*lint.Document, error) {
	format, ok := FormatOf(path)
	if !ok {
		return nil, fmt.Errorf("%s: unsupported file type %q", path, filepath.Ext(path))
	}
	return ReadFormat(path, format, src)
}

// ReadFormat reads src as the given format.
func ReadFormat(path string, format lint.Format, src []byte) (*lint.Document, error) {
	switch format {
	case lint.FormatText:
		return Text(path, src)
	case lint.FormatMarkdown:
		return Markdown(path, src)
	case lint.FormatHTML:
		return HTML(path, src)
	case lint.FormatDocx:
		return office.Docx(path, src)
	case lint.FormatODT:
		return office.ODT(path, src)
	case lint.FormatPDF:
		return pdf.PDF(path, src)
	}
	return nil, fmt.Errorf("%s: unsupported format %q", path, format)
}
