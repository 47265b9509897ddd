package api

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// yamlLine is one meaningful line of a YAML file: its indentation and its
// text without the indentation.
type yamlLine struct {
	n      int
	indent int
	text   string
}

// yamlLines returns the non-empty, non-comment lines of doc, skipping the
// bodies of block scalars ("description: |").
func yamlLines(doc []byte) []yamlLine {
	var out []yamlLine
	sc := bufio.NewScanner(bytes.NewReader(doc))
	block := -1 // indentation of the key that opened a block scalar
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		text := strings.TrimLeft(raw, " ")
		indent := len(raw) - len(text)
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if block >= 0 {
			if indent > block {
				continue
			}
			block = -1
		}
		if strings.HasSuffix(text, "|") || strings.HasSuffix(text, ">") {
			block = indent
		}
		out = append(out, yamlLine{n, indent, text})
	}
	return out
}

// key returns the mapping key of a line "key: ..." or "key:", unquoted.
func (l yamlLine) key() (string, bool) {
	k, _, ok := strings.Cut(l.text, ":")
	if !ok || strings.HasPrefix(l.text, "- ") {
		return "", false
	}
	return strings.Trim(k, `"'`), true
}

// section returns the lines under the top-level key name.
func section(lines []yamlLine, name string) []yamlLine {
	var out []yamlLine
	in := false
	for _, l := range lines {
		if l.indent == 0 {
			k, _ := l.key()
			in = k == name
			continue
		}
		if in {
			out = append(out, l)
		}
	}
	return out
}

var httpMethods = []string{"get", "put", "post", "delete", "patch", "head", "options", "trace"}

// openAPIRoutes returns "METHOD /path" for every operation under paths:.
func openAPIRoutes(t *testing.T, doc []byte) []string {
	t.Helper()
	var out []string
	lines := section(yamlLines(doc), "paths")
	if len(lines) == 0 {
		t.Fatal("openapi.yaml has no paths")
	}
	pathIndent := lines[0].indent
	path := ""
	for _, l := range lines {
		k, ok := l.key()
		switch {
		case l.indent == pathIndent:
			if !ok || !strings.HasPrefix(k, "/") {
				t.Fatalf("line %d: %q is not a path", l.n, l.text)
			}
			path = k
		case l.indent == pathIndent+2 && ok && slices.Contains(httpMethods, k):
			out = append(out, strings.ToUpper(k)+" "+path)
		}
	}
	return out
}

func TestOpenAPIMatchesRoutes(t *testing.T) {
	a := newAPI(nil, nil)
	var registered []string
	for _, r := range a.routes {
		registered = append(registered, r.Method+" "+r.Path)
	}
	documented := openAPIRoutes(t, openAPIDoc)
	slices.Sort(registered)
	slices.Sort(documented)
	if !slices.Equal(registered, documented) {
		for _, r := range registered {
			if !slices.Contains(documented, r) {
				t.Errorf("route %s is not in openapi.yaml", r)
			}
		}
		for _, d := range documented {
			if !slices.Contains(registered, d) {
				t.Errorf("openapi.yaml documents %s, which is not a route", d)
			}
		}
	}
	if len(slices.Compact(documented)) != len(documented) {
		t.Errorf("openapi.yaml lists an operation twice: %v", documented)
	}
}

// TestOpenAPIDocument checks what the route comparison does not: the header,
// the security scheme, that every path wildcard is a declared parameter, that
// only public routes drop security, and that every $ref resolves.
func TestOpenAPIDocument(t *testing.T) {
	doc := string(openAPIDoc)
	lines := yamlLines(openAPIDoc)
	if !strings.HasPrefix(doc, "openapi: 3.1.") {
		t.Error("not an OpenAPI 3.1 document")
	}
	for _, want := range []string{"\nsecurity:\n  - bearer: []\n", "    bearer:\n      type: http\n      scheme: bearer\n", "\nservers:\n  - url: " + Prefix + "\n"} {
		if !strings.Contains(doc, want) {
			t.Errorf("openapi.yaml lacks %q", want)
		}
	}
	for _, l := range lines {
		if strings.Contains(l.text, "\t") {
			t.Errorf("line %d has a tab", l.n)
		}
		if l.indent%2 != 0 {
			t.Errorf("line %d: odd indentation", l.n)
		}
	}

	// Every {wildcard} of a path is declared as a path parameter in its
	// block (directly or through components/parameters).
	paths := section(lines, "paths")
	pathIndent := paths[0].indent
	wild := regexp.MustCompile(`\{(\w+)\}`)
	for i := 0; i < len(paths); i++ {
		if paths[i].indent != pathIndent {
			continue
		}
		p, _ := paths[i].key()
		var block strings.Builder
		for j := i + 1; j < len(paths) && paths[j].indent > pathIndent; j++ {
			block.WriteString(paths[j].text + "\n")
		}
		for _, m := range wild.FindAllStringSubmatch(p, -1) {
			name := m[1]
			if !strings.Contains(block.String(), "name: "+name+"\n") &&
				!(name == "id" && strings.Contains(block.String(), "#/components/parameters/ID")) {
				t.Errorf("%s: parameter %s not declared", p, name)
			}
		}
		// Public routes, and only they, say "security: []".
		a := newAPI(nil, nil)
		for _, r := range a.routes {
			if r.Path != p {
				continue
			}
			open := strings.Contains(block.String(), "security: []")
			if open == r.Auth() {
				t.Errorf("%s %s: auth %v but openapi.yaml security: [] is %v", r.Method, p, r.Auth(), open)
			}
		}
	}

	// Every $ref points at a defined component.
	defined := map[string]bool{}
	comps := section(lines, "components")
	kindIndent := comps[0].indent
	kind := ""
	for _, l := range comps {
		k, ok := l.key()
		if !ok {
			continue
		}
		switch l.indent {
		case kindIndent:
			kind = k
		case kindIndent + 2:
			defined[fmt.Sprintf("#/components/%s/%s", kind, k)] = true
		}
	}
	ref := regexp.MustCompile(`\$ref: '([^']+)'`)
	for _, m := range ref.FindAllStringSubmatch(doc, -1) {
		if !defined[m[1]] {
			t.Errorf("$ref %s is not defined", m[1])
		}
	}
	if len(defined) < 10 {
		t.Errorf("found only %d components: the scanner is broken", len(defined))
	}
}

// TestYAMLScanner keeps the little scanner honest on a sample.
func TestYAMLScanner(t *testing.T) {
	doc := []byte(`openapi: 3.1.0
info:
  description: |
    paths:
      /fake:
        get: x
paths:
  /a:
    parameters:
      - name: id
    get:
      summary: x
    put:
      description: >
        post: not a method
  "/b/{id}":
    post:
      responses: {}
components:
  schemas: {}
`)
	got := openAPIRoutes(t, doc)
	want := []string{"GET /a", "PUT /a", "POST /b/{id}"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
