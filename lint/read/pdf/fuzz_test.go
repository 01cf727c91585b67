package pdf

import (
	"bytes"
	"compress/zlib"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// objStmPDF writes a PDF 1.5 file whose page tree and font sit in a
// compressed object stream and whose content is Flate-compressed, as
// Word's "Save as PDF" writes them.
func objStmPDF(t testing.TB) []byte {
	t.Helper()
	deflate := func(s string) []byte {
		var b bytes.Buffer
		zw := zlib.NewWriter(&b)
		_, _ = zw.Write([]byte(s))
		_ = zw.Close()
		return b.Bytes()
	}
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
	}
	var header, body strings.Builder
	offsets := []int{}
	for _, o := range objs {
		offsets = append(offsets, body.Len())
		body.WriteString(o + "\n")
	}
	for i, off := range offsets {
		header.WriteString(itoa(i+1) + " " + itoa(off) + " ")
	}
	first := header.Len()
	objStm := deflate(header.String() + body.String())
	content := deflate("BT /F1 11 Tf 72 720 Td (Packed in an object stream.) Tj ET")
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n")
	b.WriteString("6 0 obj\n<< /Type /ObjStm /N 3 /First " + itoa(first) + " /Filter /FlateDecode /Length " + itoa(len(objStm)) + " >>\nstream\n")
	b.Write(objStm)
	b.WriteString("\nendstream\nendobj\n")
	b.WriteString("4 0 obj\n<< /Filter /FlateDecode /Length " + itoa(len(content)) + " >>\nstream\n")
	b.Write(content)
	b.WriteString("\nendstream\nendobj\n")
	b.WriteString("5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n")
	b.WriteString("7 0 obj\n<< /Type /XRef /Root 1 0 R /Size 8 /W [1 2 1] /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n0\n%%EOF\n")
	return b.Bytes()
}

func TestPDFObjectStreams(t *testing.T) {
	doc, err := PDF("word.pdf", objStmPDF(t))
	require.NoError(t, err)
	assert.Equal(t, "Packed in an object stream.", doc.Text)
}

func FuzzPDF(f *testing.F) {
	f.Add(essayPDF(f, true))
	f.Add(objStmPDF(f))
	f.Add(handPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 2 0 R] >>",
		"<< /Type /Page /Contents 4 0 R /Resources << /XObject << /X 4 0 R >> >> >>",
		contentStream("q 1 0 0 1 0 0 cm /X Do Q BT [(a)-300(b)] TJ ET")))
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<20 {
			return
		}
		doc, err := PDF("fuzz.pdf", src)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.pdf: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		for _, b := range doc.Blocks {
			if b.Start < 0 || b.End > len(doc.Text) || b.Start > b.End {
				t.Fatalf("block %v outside text", b.Range)
			}
			span := doc.SourceSpan(b.Range)
			if span.End > len(doc.Src) || span.Start > span.End {
				t.Fatalf("block maps outside src")
			}
		}
		for _, l := range doc.Links {
			if l.Start < 0 || l.End > len(doc.Text) || l.Start > l.End {
				t.Fatalf("link %v outside text", l.Range)
			}
		}
		for _, r := range doc.Italics {
			if r.Start < 0 || r.End > len(doc.Text) || r.Start > r.End {
				t.Fatalf("italic %v outside text", r)
			}
		}
	})
}

func BenchmarkPDF(b *testing.B) {
	src := essayPDF(b, true)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PDF("essay.pdf", src); err != nil {
			b.Fatal(err)
		}
	}
}

func TestPDFFlateBombIsCut(t *testing.T) {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zero := make([]byte, 1<<20)
	for range 100 {
		_, _ = zw.Write(zero)
	}
	_, _ = zw.Write([]byte(" BT /F1 12 Tf 72 700 Td (after the bomb) Tj ET"))
	require.NoError(t, zw.Close())
	src := handPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Filter /FlateDecode /Length "+itoa(z.Len())+" >>\nstream\n"+z.String()+"\nendstream",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	)
	_, err := PDF("bomb.pdf", src)
	require.Error(t, err, "the stream is cut at the limit, before its text")
	assert.Contains(t, err.Error(), "no text layer")
}
