package archive

import (
	"archive/zip"
	"bytes"
	"errors"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citelint/citelint/lint"
)

// member is one file to put in a generated zip.
type member struct {
	name string
	body []byte
}

func zipOf(t testing.TB, members ...member) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, m := range members {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: m.name, Method: zip.Deflate})
		require.NoError(t, err)
		_, err = w.Write(m.body)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func walkAll(t testing.TB, src []byte) []Member {
	t.Helper()
	var out []Member
	require.NoError(t, Walk("class.zip", bytes.NewReader(src), int64(len(src)), func(m Member) bool {
		out = append(out, m)
		return true
	}))
	return out
}

func TestStudentNames(t *testing.T) {
	tests := []struct {
		name, student string
		late          bool
	}{
		{"smithbob_LATE_12345_67890_Essay.docx", "smithbob", true},
		{"smithbob_12345_67890_Essay-1.docx", "smithbob", false},
		{"doejane_4821_text.html", "doejane", false},
		{"Jane Doe_1234567_assignsubmission_file/essay.docx", "Jane Doe", false},
		{"José Álvarez_99_assignsubmission_file_My Essay.pdf", "José Álvarez", false},
		{"Jane Doe_1234567_assignsubmission_onlinetext_onlinetext.html", "Jane Doe", false},
		{"Assignment_jdoe_attempt_2024-10-01-12-30-00_essay.docx", "jdoe", false},
		{"Essay_1_Final_jdoe_attempt_2024-10-01-12-30-00_My_Essay.docx", "jdoe", false},
		{"alice/essay.md", "alice", false},
		{"period3/bob/essay.md", "period3", false},
		{"carol essay.txt", "carol essay", false},
		{"draft_2_final.docx", "draft_2_final", false},
	}
	for _, tt := range tests {
		student, late := studentOf(tt.name)
		assert.Equal(t, tt.student, student, tt.name)
		assert.Equal(t, tt.late, late, tt.name)
	}
}

func TestWalk(t *testing.T) {
	src := zipOf(t,
		member{"smithbob_LATE_12345_67890_Essay.docx", []byte("docx bytes")},
		member{"Jane Doe_1234567_assignsubmission_file/", nil},
		member{"Jane Doe_1234567_assignsubmission_file/essay.md", []byte("# Essay\n")},
		member{"Assignment_jdoe_attempt_2024-10-01-12-30-00_essay.txt", []byte("text")},
		member{"Assignment_jdoe_attempt_2024-10-01-12-30-00.txt", []byte("Name: J Doe\nSubmitted…")},
		member{"../../etc/cron.d/evil.txt", []byte("x")},
		member{"/abs/essay.txt", []byte("x")},
		member{`C:\Users\essay.txt`, []byte("x")},
		member{`sub\..\..\escape.txt`, []byte("x")},
		member{"inner.zip", zipOf(t, member{"a.txt", []byte("a")})},
		member{"photo.jpg", []byte("\xFF\xD8\xFF")},
		member{"grades.xlsx", []byte("PK")},
		member{"__MACOSX/._essay.docx", []byte("junk")},
		member{"folder/.DS_Store", []byte("junk")},
	)
	got := walkAll(t, src)
	byPath := map[string]Member{}
	for _, m := range got {
		byPath[m.Path] = m
	}
	canvas := byPath["smithbob_LATE_12345_67890_Essay.docx"]
	assert.Equal(t, "class.zip:smithbob_LATE_12345_67890_Essay.docx", canvas.Name)
	assert.Equal(t, "smithbob", canvas.Student)
	assert.True(t, canvas.Late)
	assert.Equal(t, lint.FormatDocx, canvas.Format)
	require.NotNil(t, canvas.Open)
	body, err := canvas.Open()
	require.NoError(t, err)
	assert.Equal(t, "docx bytes", string(body))

	moodle := byPath["Jane Doe_1234567_assignsubmission_file/essay.md"]
	assert.Equal(t, "Jane Doe", moodle.Student)
	assert.Equal(t, lint.FormatMarkdown, moodle.Format)
	assert.Equal(t, "jdoe", byPath["Assignment_jdoe_attempt_2024-10-01-12-30-00_essay.txt"].Student)

	for _, p := range []string{"../../etc/cron.d/evil.txt", "/abs/essay.txt", "C:/Users/essay.txt", "sub/../../escape.txt"} {
		m, ok := byPath[p]
		require.True(t, ok, p)
		assert.ErrorIs(t, m.Err, ErrUnsafePath, p)
		assert.Nil(t, m.Open)
		assert.True(t, strings.HasPrefix(m.Err.Error(), "class.zip:"), m.Err.Error())
	}
	nested := byPath["inner.zip"]
	assert.ErrorIs(t, nested.Err, ErrNested)
	assert.Equal(t, "class.zip:inner.zip: nested archives are not opened", nested.Err.Error())

	// The summary comes last and lists what is not an essay, receipts
	// included; litter is not listed.
	last := got[len(got)-1]
	assert.Equal(t, "class.zip", last.Name)
	assert.Nil(t, last.Open)
	assert.NoError(t, last.Err)
	assert.Equal(t, []string{"Assignment_jdoe_attempt_2024-10-01-12-30-00.txt", "photo.jpg", "grades.xlsx"}, last.Skipped)
	assert.Len(t, got, 9)
}

func TestWalkStops(t *testing.T) {
	src := zipOf(t, member{"a.txt", []byte("a")}, member{"b.txt", []byte("b")}, member{"c.gif", nil})
	n := 0
	require.NoError(t, Walk("x.zip", bytes.NewReader(src), int64(len(src)), func(Member) bool { n++; return false }))
	assert.Equal(t, 1, n)
}

func TestCorruptZip(t *testing.T) {
	err := Walk("class.zip", bytes.NewReader([]byte("not a zip at all")), 16, func(Member) bool { return true })
	require.Error(t, err)
	assert.Contains(t, err.Error(), "class.zip: not a readable zip archive")

	// A member whose data is damaged fails on Open, naming itself; the
	// others still read.
	src := zipOf(t, member{"a.txt", bytes.Repeat([]byte("the thaw "), 200)}, member{"b.txt", []byte("fine")})
	i := bytes.Index(src, []byte("a.txt")) + len("a.txt") + 10
	src[i] ^= 0xFF
	src[i+1] ^= 0xFF
	members := walkAll(t, src)
	require.Len(t, members, 2)
	_, err = members[0].Open()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "class.zip:a.txt")
	body, err := members[1].Open()
	require.NoError(t, err)
	assert.Equal(t, "fine", string(body))
}

// bomb writes a zip with one member of n zero bytes, streamed so the test
// itself never holds it.
func bomb(t testing.TB, name string, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	require.NoError(t, err)
	chunk := make([]byte, 1<<20)
	for written := 0; written < n; written += len(chunk) {
		_, err := w.Write(chunk[:min(len(chunk), n-written)])
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func TestBombRefusedWithoutAllocating(t *testing.T) {
	src := bomb(t, "essay.txt", 200<<20)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	members := walkAll(t, src)
	runtime.ReadMemStats(&after)
	require.Len(t, members, 1)
	assert.ErrorIs(t, members[0].Err, ErrTooLarge)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(1<<20), "the member must be refused from its header")

	// The same bomb with headers that lie about its size is stopped while
	// inflating, at the ratio allowance, not at 200 MB.
	lying := lieAboutSizes(t, src)
	members = walkAll(t, lying)
	require.Len(t, members, 1)
	require.NoError(t, members[0].Err)
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := members[0].Open()
	runtime.ReadMemStats(&after)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrTooLarge) || strings.Contains(err.Error(), "zip:"), err.Error())
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(MaxMemberSize+(8<<20)))
}

// lieAboutSizes rewrites the central directory so that each member claims
// an uncompressed size equal to its compressed size.
func lieAboutSizes(t testing.TB, src []byte) []byte {
	t.Helper()
	out := bytes.Clone(src)
	i := bytes.LastIndex(out, []byte("PK\x01\x02"))
	require.GreaterOrEqual(t, i, 0)
	copy(out[i+24:i+28], out[i+20:i+24])
	// The local header's sizes follow a data descriptor (flag bit 3), so
	// only the central directory needs the lie.
	return out
}

func TestRatioLimitOnSmallHeaders(t *testing.T) {
	// 3 MB of zeros deflate to a few kilobytes: over 100:1 and past the
	// floor, so refused from the header.
	members := walkAll(t, bomb(t, "essay.md", 3<<20))
	require.Len(t, members, 1)
	assert.ErrorIs(t, members[0].Err, ErrTooLarge)
	// Under the floor, a compressible member is fine.
	members = walkAll(t, bomb(t, "essay.md", 512<<10))
	require.NoError(t, members[0].Err)
	body, err := members[0].Open()
	require.NoError(t, err)
	assert.Len(t, body, 512<<10)
}

func TestEncryptedMember(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "essay.docx", Method: zip.Store, Flags: 0x1})
	require.NoError(t, err)
	_, _ = w.Write([]byte("ciphertext"))
	require.NoError(t, zw.Close())
	members := walkAll(t, buf.Bytes())
	require.Len(t, members, 1)
	assert.ErrorIs(t, members[0].Err, ErrEncrypted)
}

func TestNonUTF8Names(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	// "Müller/essay.txt" in code page 437 (ü is 0x81), as old Windows zips
	// write it.
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "M\x81ller/essay.txt", NonUTF8: true})
	require.NoError(t, err)
	_, _ = w.Write([]byte("x"))
	require.NoError(t, zw.Close())
	members := walkAll(t, buf.Bytes())
	require.Len(t, members, 1)
	assert.Equal(t, "Müller", members[0].Student)
	assert.Equal(t, "class.zip:Müller/essay.txt", members[0].Name)
}

func BenchmarkWalk(b *testing.B) {
	var members []member
	essay := bytes.Repeat([]byte("Ehrenburg's The Thaw named an era (Freeze 412). "), 200)
	for i := range 300 {
		members = append(members, member{name: "student" + string(rune('a'+i%26)) + "_" + strings.Repeat("1", 5) + "_67890_Essay" + string(rune('a'+i/26)) + ".txt", body: essay})
	}
	src := zipOf(b, members...)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		err := Walk("class.zip", bytes.NewReader(src), int64(len(src)), func(m Member) bool {
			if m.Open != nil {
				if _, err := m.Open(); err != nil {
					b.Fatal(err)
				}
			}
			return true
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
