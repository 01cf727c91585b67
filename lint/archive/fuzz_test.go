package archive

import (
	"bytes"
	"strings"
	"testing"
)

// maxFuzzInput caps fuzz inputs; the members' limits bound the rest.
const maxFuzzInput = 1 << 20

func FuzzZip(f *testing.F) {
	f.Add(zipOf(f, member{"smithbob_LATE_12345_67890_Essay.docx", []byte("x")}, member{"../a.txt", nil}, member{"b.zip", nil}))
	f.Add(zipOf(f, member{"Jane Doe_1_assignsubmission_file/e.md", bytes.Repeat([]byte("a"), 5000)}))
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > maxFuzzInput {
			return
		}
		err := Walk("fuzz.zip", bytes.NewReader(src), int64(len(src)), func(m Member) bool {
			if m.Err != nil && !strings.HasPrefix(m.Err.Error(), "fuzz.zip:") {
				t.Fatalf("member error does not name the archive: %v", m.Err)
			}
			if m.Open != nil {
				body, err := m.Open()
				if err == nil && len(body) > MaxMemberSize {
					t.Fatalf("member of %d bytes passed the limit", len(body))
				}
			}
			return true
		})
		if err != nil && !strings.HasPrefix(err.Error(), "fuzz.zip: ") {
			t.Fatalf("error does not name the archive: %v", err)
		}
	})
}

func FuzzWXR(f *testing.F) {
	f.Add(wxrHead + itemXML("T", "asmith", "t", "post", "publish", "a\n\nb") + "</channel></rss>")
	f.Add(`<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><wp:post_type>post</wp:post_type><wp:status>publish</wp:status></item>`)
	f.Fuzz(func(t *testing.T, export string) {
		if len(export) > maxFuzzInput {
			return
		}
		_ = WXR("fuzz.xml", strings.NewReader(export), func(m Member) bool {
			if m.Open == nil {
				t.Fatal("a post with no Open")
			}
			_, _ = m.Open()
			return true
		})
	})
}
