package report

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"strings"
)

// style is the report's CSS, inline in every page.
const style = `
:root{--err:#b3261e;--warn:#9a6700;--info:#0b57d0;--line:#d0d7de;--muted:#57606a}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0 auto;padding:1.5rem;max-width:80rem}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
.muted{color:var(--muted)}
a{color:#0969da}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit;text-align:inherit}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
thead th{position:sticky;top:0;background:#f6f8fa}
tr.failed td{background:#fff1f0}
.late{color:#fff;background:var(--warn);border-radius:3px;padding:0 .3rem;font-size:12px}
.chart text{font-size:13px;fill:#1f2328}.chart .bar{fill:#0969da}.chart .count{fill:var(--muted)}
.sev-error{--c:var(--err)}.sev-warning{--c:var(--warn)}.sev-info{--c:var(--info)}
.sev{color:var(--c);font-weight:600}
.essay-text{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid var(--line);border-radius:6px;padding:1rem;background:#fff;max-width:50rem}
a.hl{color:inherit;text-decoration:none;background:color-mix(in srgb,var(--c) 14%,transparent);border-bottom:2px solid var(--c)}
a.caret{color:var(--c);text-decoration:none;font-weight:700}
ol.findings li{margin:.3rem 0}
ol.findings li:target{background:#fff8c5}
.excerpt{font-style:italic;color:var(--muted)}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem;margin:.3rem 0 0}
dl.fields dt{color:var(--muted)}dl.fields dd{margin:0}
.found{color:#1a7f37}.missing{color:var(--err)}
`

// sortScript sorts the submissions table when a column heading is
// clicked, and on load by the column a "#sort=key" (or "#sort=-key",
// descending) address names, so a sorted view can be bookmarked.
const sortScript = `
(function () {
  var table = document.getElementById("submissions");
  if (!table) { return; }
  var heads = table.tHead.rows[0].cells;
  function sortBy(col, dir) {
    var numeric = heads[col].getAttribute("data-type") === "num";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    function key(r) {
      var c = r.cells[col];
      var v = c.hasAttribute("data-v") ? c.getAttribute("data-v") : c.textContent;
      return numeric ? (parseFloat(v) || 0) : v.toLowerCase();
    }
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var d = numeric ? x - y : x.localeCompare(y);
      return d * dir || (parseInt(a.getAttribute("data-n"), 10) - parseInt(b.getAttribute("data-n"), 10));
    });
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(r); });
    body.appendChild(frag);
    for (var i = 0; i < heads.length; i++) { heads[i].removeAttribute("aria-sort"); }
    heads[col].setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
  }
  function find(key) {
    for (var i = 0; i < heads.length; i++) {
      if (heads[i].getAttribute("data-key") === key) { return i; }
    }
    return -1;
  }
  Array.prototype.forEach.call(heads, function (th, col) {
    var b = th.querySelector("button");
    if (!b) { return; }
    b.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      if (th.getAttribute("data-type") === "num" && !th.hasAttribute("aria-sort")) { asc = false; }
      sortBy(col, asc ? 1 : -1);
    });
  });
  var m = /^#sort=(-?)(.+)$/.exec(location.hash);
  if (m) {
    var col = find(decodeURIComponent(m[2]));
    if (col >= 0) { sortBy(col, m[1] === "-" ? -1 : 1); }
  }
})();
`

// Content-Security-Policy of the pages: nothing may be fetched, and the
// only script that may run is the sorting script, by its hash, so that
// essay text could never run as a script even if it escaped escaping.
var (
	cspIndex = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; script-src " + scriptHash(sortScript)
	cspPage  = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; script-src 'none'"
)

func scriptHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

const head = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{{.Title}}</title>
<style>` + style + `</style>
</head>
`

var indexTemplate = template.Must(template.New("index").Parse(head + `<body>
<h1>{{.Title}}</h1>
<p class="muted">{{.Files}} submission{{if ne .Files 1}}s{{end}}{{if .Failed}}, {{.Failed}} could not be read{{end}};
{{.Errors}} error{{if ne .Errors 1}}s{{end}}, {{.Warnings}} warning{{if ne .Warnings 1}}s{{end}}, {{.Infos}} info{{if ne .Infos 1}}s{{end}}.
<a href="summary.csv">summary.csv</a> has a row per submission for a gradebook.</p>
<h2>Which citation skills to teach</h2>
{{if .Bars}}<p class="muted">How many of the {{.Read}} essays read break each rule.</p>
<svg class="chart" role="img" aria-label="Essays breaking each rule" width="{{.Chart.Width}}" height="{{.Chart.Height}}" viewBox="0 0 {{.Chart.Width}} {{.Chart.Height}}" xmlns="http://www.w3.org/2000/svg">
{{range .Bars}}<g><title>{{.Rule}}{{if .Summary}}: {{.Summary}}{{end}} — {{.Essays}} essay{{if ne .Essays 1}}s{{end}}</title>
<text x="{{$.Chart.LabelWidth}}" dx="-8" y="{{.TextY}}" text-anchor="end">{{.Rule}}</text>
<rect class="bar" x="{{$.Chart.LabelWidth}}" y="{{.Y}}" width="{{.Width}}" height="{{$.Chart.BarHeight}}" rx="2"></rect>
<text class="count" x="{{.CountX}}" y="{{.TextY}}">{{.Essays}} ({{.Percent}}%)</text></g>
{{end}}</svg>
{{else}}<p>No essay breaks any rule.</p>{{end}}
<h2>Submissions</h2>
<table id="submissions">
<thead><tr>
<th class="n" data-key="n" data-type="num"><button type="button">#</button></th>
<th data-key="student"><button type="button">Student</button></th>
<th data-key="file"><button type="button">File</button></th>
<th data-key="late"><button type="button">Late</button></th>
<th data-key="style"><button type="button">Style</button></th>
<th class="n" data-key="errors" data-type="num"><button type="button">Errors</button></th>
<th class="n" data-key="warnings" data-type="num"><button type="button">Warnings</button></th>
<th class="n" data-key="infos" data-type="num"><button type="button">Infos</button></th>
{{range .Columns}}<th class="n" data-key="{{.ID}}" data-type="num"{{if .Summary}} title="{{.Summary}}"{{end}}><button type="button">{{.ID}}</button></th>
{{end}}<th>Essay</th>
</tr></thead>
<tbody>
{{range .Rows}}<tr data-n="{{.N}}"{{if .Err}} class="failed"{{end}}><td class="n">{{.N}}</td><td>{{.Student}}</td><td>{{.Path}}</td><td data-v="{{if .Late}}1{{else}}0{{end}}">{{if .Late}}<span class="late">late</span>{{end}}</td><td>{{.Style}}</td><td class="n">{{.Errors}}</td><td class="n">{{.Warnings}}</td><td class="n">{{.Infos}}</td>{{range .Counts}}<td class="n">{{if .}}{{.}}{{end}}</td>{{end}}<td>{{if .Page}}<a href="{{.Page}}">view</a>{{end}}{{if .Err}} <span class="missing">{{.Err}}</span>{{end}}</td></tr>
{{end}}</tbody>
</table>
<script>` + sortScript + `</script>
</body>
</html>
`))

var essayTemplate = template.Must(template.New("essay").Parse(strings.Replace(head, "<title>{{.Title}}</title>",
	"<title>{{.Title}} — citelint</title>", 1) + `<body>
<p><a href="../index.html">← all submissions</a></p>
<h1>{{.Title}}</h1>
<p class="muted">{{.Row.Path}}{{if .Row.Late}} <span class="late">late</span>{{end}}{{if .Row.Style}} · {{.Row.Style}}{{end}} ·
{{.Row.Errors}} error{{if ne .Row.Errors 1}}s{{end}}, {{.Row.Warnings}} warning{{if ne .Row.Warnings 1}}s{{end}}, {{.Row.Infos}} info{{if ne .Row.Infos 1}}s{{end}}</p>
{{if .Row.Err}}<p class="missing">{{.Row.Err}}</p>{{end}}
<h2>Findings</h2>
{{if .Findings}}<ol class="findings">
{{range .Findings}}<li id="f{{.N}}" class="sev-{{.Severity}}"><span class="sev">{{.Severity}}</span> {{if .Shown}}<a href="#m{{.N}}">{{.At}}</a>{{else}}{{.At}}{{end}} {{.Message}} <span class="muted">[{{.Rule}}]</span>{{if .Excerpt}}<br><span class="excerpt">{{.Excerpt}}</span>{{end}}{{range .Related}}<br><span class="muted">{{.At}}: {{.Message}}</span>{{end}}</li>
{{end}}</ol>
{{else}}<p>None.</p>{{end}}
<h2>Essay</h2>
{{if .FromSource}}<p class="muted">The essay's structure could not be extracted; this is the file as read.</p>{{end}}
<div class="essay-text">
{{- range .Pieces}}{{range .Anchors}}<span id="m{{.}}"></span>{{end}}
{{- if .Caret}}<a class="caret sev-{{.Severity}}" href="#f{{index .Findings 0}}" title="{{.Title}}">‸</a>
{{- else if .Findings}}<a class="hl sev-{{.Severity}}" href="#f{{index .Findings 0}}" title="{{.Title}}">{{.Text}}</a>
{{- else}}{{.Text}}{{end}}{{end -}}
</div>
<h2>Works cited</h2>
{{if .Entries}}<ol class="entries">
{{range .Entries}}<li id="e{{.N}}"><div>{{.Text}}</div><div class="muted">{{.At}} · cited {{.Cited}} time{{if ne .Cited 1}}s{{end}}{{if $.Sources}} · <span class="{{if .SourceFound}}found{{else}}missing{{end}}">source {{.Source}}</span>{{end}}</div>
{{if .Fields}}<dl class="fields">{{range .Fields}}<dt>{{.Name}}</dt><dd>{{.Value}}</dd>{{end}}</dl>{{end}}</li>
{{end}}</ol>
{{else}}<p>No works-cited entries were found.</p>{{end}}
</body>
</html>
`))
