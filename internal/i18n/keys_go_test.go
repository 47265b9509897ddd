package i18n_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The Go half of the catalogue-keys test. It reads the source with go/ast
// rather than regular expressions and follows keys to where they are
// translated: a literal passed to i18n.T or Lang.T is a key; so is one
// passed to a function or closure whose parameter reaches a translation,
// one assigned to a field that a template or the code translates ("Title",
// "Notice", ...), one in a constant, a local variable or a function's return
// value that is translated. "prefix."+x and fmt.Sprintf("prefix.%s", x)
// record a prefix whose values dynamicKeys lists.

const i18nPath = "github.com/kompeten/kompeten/internal/i18n"

type goPkg struct {
	path   string
	files  []*ast.File
	funcs  map[string][]*ast.FuncDecl // functions and methods by name
	consts map[string]string          // package-level string constants
	// structs lists the field names of the package's struct types in
	// order, to read unkeyed literals ({"/", "nav.home", ...}).
	structs map[string][]string
}

// sinkRef names a function whose parameters may carry keys: a declared
// function or method (pkg, name, method), or a closure (lit).
type sinkRef struct {
	pkg, name string
	method    bool
	lit       *ast.FuncLit
}

type goScan struct {
	t       *testing.T
	u       *usage
	fset    *token.FileSet
	pkgs    map[string]*goPkg
	sinks   map[sinkRef]map[int]bool
	changed bool
}

// frame is the parameters of one function being visited.
type frame struct {
	owner  sinkRef
	params map[string]int
}

// scope is what an expression inside a function can refer to.
type scope struct {
	pkg      *goPkg
	imports  map[string]string // local name → import path
	frames   []frame           // innermost last
	closures map[string]*ast.FuncLit
	locals   map[string][]string // string literals assigned to local names
}

func scanGo(t *testing.T, root string, u *usage) {
	t.Helper()
	module := "github.com/kompeten/kompeten"
	if b, err := os.ReadFile(filepath.Join(root, "go.mod")); err == nil {
		first, _, _ := strings.Cut(string(b), "\n")
		module = strings.TrimSpace(strings.TrimPrefix(first, "module"))
	}
	g := &goScan{t: t, u: u, fset: token.NewFileSet(), pkgs: map[string]*goPkg{}, sinks: map[sinkRef]map[int]bool{}}
	for _, top := range []string{"internal", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(path string, d os.DirEntry, err error) error {
			if err != nil {
				if os.IsNotExist(err) {
					return nil
				}
				return err
			}
			if d.IsDir() {
				if d.Name() == "testdata" {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			rel, _ := filepath.Rel(root, filepath.Dir(path))
			ip := module + "/" + filepath.ToSlash(rel)
			f, err := parser.ParseFile(g.fset, path, nil, 0)
			if err != nil {
				return err
			}
			p := g.pkgs[ip]
			if p == nil {
				p = &goPkg{path: ip, funcs: map[string][]*ast.FuncDecl{}, consts: map[string]string{}, structs: map[string][]string{}}
				g.pkgs[ip] = p
			}
			p.files = append(p.files, f)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range g.pkgs {
		for _, f := range p.files {
			for _, d := range f.Decls {
				switch d := d.(type) {
				case *ast.FuncDecl:
					p.funcs[d.Name.Name] = append(p.funcs[d.Name.Name], d)
				case *ast.GenDecl:
					if d.Tok == token.TYPE {
						for _, sp := range d.Specs {
							ts := sp.(*ast.TypeSpec)
							if st, ok := ts.Type.(*ast.StructType); ok {
								p.structs[ts.Name.Name] = fieldNames(st)
							}
						}
					}
					if d.Tok != token.CONST {
						continue
					}
					for _, s := range d.Specs {
						vs := s.(*ast.ValueSpec)
						for i, n := range vs.Names {
							if i < len(vs.Values) {
								if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
									p.consts[n.Name], _ = strconv.Unquote(lit.Value)
								}
							}
						}
					}
				}
			}
		}
	}
	g.sinks[sinkRef{pkg: i18nPath, name: "T"}] = map[int]bool{1: true}
	// Keys and fields found open new paths; go round until nothing new.
	for round := 0; round == 0 || g.changed; round++ {
		if round > 20 {
			t.Fatal("key scan does not settle")
		}
		g.changed = false
		for _, p := range g.pkgs {
			for _, f := range p.files {
				g.scanFile(p, f)
			}
		}
	}
}

func (g *goScan) scanFile(p *goPkg, f *ast.File) {
	imports := map[string]string{}
	for _, is := range f.Imports {
		path, _ := strconv.Unquote(is.Path.Value)
		name := path[strings.LastIndex(path, "/")+1:]
		if is.Name != nil {
			name = is.Name.Name
		}
		imports[name] = path
	}
	for _, d := range f.Decls {
		sc := &scope{pkg: p, imports: imports, closures: map[string]*ast.FuncLit{}, locals: map[string][]string{}}
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			g.visit(d, sc) // package-level tables (menus, options)
			continue
		}
		if fd.Body == nil {
			continue
		}
		collectLocals(fd.Body, sc)
		sc.frames = []frame{{owner: sinkRef{pkg: p.path, name: fd.Name.Name, method: fd.Recv != nil}, params: paramIndex(fd.Type)}}
		g.visit(fd.Body, sc)
	}
}

// fieldNames lists a struct's fields in order (embedded ones by type name).
func fieldNames(st *ast.StructType) []string {
	var out []string
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 {
			out = append(out, typeName(f.Type))
			continue
		}
		for _, n := range f.Names {
			out = append(out, n.Name)
		}
	}
	return out
}

// typeName is the local type a composite literal builds, or for a slice,
// array or map literal the type of its elements (whose literals may leave
// the type out); "" when neither.
func typeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.StarExpr:
		return typeName(e.X)
	case *ast.ArrayType:
		return "[]" + typeName(e.Elt)
	case *ast.MapType:
		return "[]" + typeName(e.Value)
	}
	return ""
}

// unkeyed reads the unkeyed elements of a literal of local struct type
// name by position, and the elements of a slice of them.
func (g *goScan) unkeyed(lit *ast.CompositeLit, name string, sc *scope) {
	if elem, ok := strings.CutPrefix(name, "[]"); ok {
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if c, ok := el.(*ast.CompositeLit); ok && c.Type == nil {
				g.unkeyed(c, elem, sc)
			}
		}
		return
	}
	fields := sc.pkg.structs[name]
	for i, el := range lit.Elts {
		if _, keyed := el.(*ast.KeyValueExpr); keyed || i >= len(fields) {
			return
		}
		if g.u.fields[fields[i]] {
			g.key(el, sc, false, g.where(el))
		}
	}
}

// paramIndex maps each parameter name to its position.
func paramIndex(ft *ast.FuncType) map[string]int {
	out := map[string]int{}
	i := 0
	for _, field := range ft.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, n := range field.Names {
			out[n.Name] = i
			i++
		}
	}
	return out
}

// collectLocals records closures by name and the string literals assigned
// to each local name anywhere in body.
func collectLocals(body ast.Node, sc *scope) {
	record := func(name string, v ast.Expr) {
		switch v := v.(type) {
		case *ast.FuncLit:
			sc.closures[name] = v
		case *ast.BasicLit:
			if v.Kind == token.STRING {
				s, _ := strconv.Unquote(v.Value)
				sc.locals[name] = append(sc.locals[name], s)
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						record(id.Name, n.Rhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if i < len(n.Values) {
					record(id.Name, n.Values[i])
				}
			}
		}
		return true
	})
}

// visit walks n, handling closures' own parameters and every place a key
// may be written.
func (g *goScan) visit(n ast.Node, sc *scope) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			inner := *sc
			inner.frames = append(append([]frame(nil), sc.frames...), frame{owner: sinkRef{lit: n}, params: paramIndex(n.Type)})
			g.visit(n.Body, &inner)
			return false
		case *ast.CallExpr:
			for i := range g.callSinks(n, sc) {
				if i < len(n.Args) {
					g.key(n.Args[i], sc, g.isTranslate(n), g.where(n))
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && g.u.fields[id.Name] {
				g.key(n.Value, sc, false, g.where(n))
			}
		case *ast.CompositeLit:
			g.unkeyed(n, typeName(n.Type), sc)
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, l := range n.Lhs {
				sel, ok := l.(*ast.SelectorExpr)
				if !ok || !g.u.fields[sel.Sel.Name] {
					continue
				}
				rhs := n.Rhs[i]
				if call, ok := rhs.(*ast.CallExpr); ok && isIdent(call.Fun, "append") && len(call.Args) > 1 {
					for _, a := range call.Args[1:] {
						g.key(a, sc, false, g.where(n))
					}
					continue
				}
				g.key(rhs, sc, false, g.where(n))
			}
		}
		return true
	})
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// isTranslate reports a direct call of i18n.T or Lang.T, whose literal
// arguments are keys whatever they look like.
func (g *goScan) isTranslate(call *ast.CallExpr) bool {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "T"
}

// callSinks returns the argument positions of call that carry keys.
func (g *goScan) callSinks(call *ast.CallExpr, sc *scope) map[int]bool {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		if lit := sc.closures[fn.Name]; lit != nil {
			return g.sinks[sinkRef{lit: lit}]
		}
		return g.sinks[sinkRef{pkg: sc.pkg.path, name: fn.Name}]
	case *ast.SelectorExpr:
		if x, ok := fn.X.(*ast.Ident); ok {
			if path, ok := sc.imports[x.Name]; ok {
				return g.sinks[sinkRef{pkg: path, name: fn.Sel.Name}]
			}
		}
		if fn.Sel.Name == "T" { // i18n.Lang.T(key, args...)
			return map[int]bool{0: true}
		}
		return g.sinks[sinkRef{pkg: sc.pkg.path, name: fn.Sel.Name, method: true}]
	}
	return nil
}

func (g *goScan) where(n ast.Node) string {
	pos := g.fset.Position(n.Pos())
	return filepath.Base(filepath.Dir(pos.Filename)) + "/" + filepath.Base(pos.Filename) + ":" + strconv.Itoa(pos.Line)
}

// key records what expression e, in a place that carries a key, stands for.
// Literals reached through fields and parameters count only when they look
// like keys; those given straight to a translation count whatever they are.
func (g *goScan) key(e ast.Expr, sc *scope, direct bool, where string) {
	lit := func(s string) {
		if direct || keyShape.MatchString(s) {
			g.u.use(s, where)
		}
	}
	switch e := e.(type) {
	case *ast.ParenExpr:
		g.key(e.X, sc, direct, where)
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			s, _ := strconv.Unquote(e.Value)
			lit(s)
		}
	case *ast.Ident:
		for i := len(sc.frames) - 1; i >= 0; i-- {
			if idx, ok := sc.frames[i].params[e.Name]; ok {
				g.sink(sc.frames[i].owner, idx)
				return
			}
		}
		for _, s := range sc.locals[e.Name] {
			lit(s)
		}
		if s, ok := sc.pkg.consts[e.Name]; ok {
			lit(s)
		}
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return
		}
		if l, ok := e.X.(*ast.BasicLit); ok && l.Kind == token.STRING {
			s, _ := strconv.Unquote(l.Value)
			g.prefix(s, direct, where)
		}
	case *ast.CallExpr:
		if sel, ok := e.Fun.(*ast.SelectorExpr); ok && isIdent(sel.X, "fmt") && sel.Sel.Name == "Sprintf" && len(e.Args) == 2 {
			if l, ok := e.Args[0].(*ast.BasicLit); ok {
				s, _ := strconv.Unquote(l.Value)
				if strings.HasSuffix(s, "%s") && strings.Count(s, "%") == 1 {
					g.prefix(strings.TrimSuffix(s, "%s"), direct, where)
				}
			}
			return
		}
		if id, ok := e.Fun.(*ast.Ident); ok {
			for _, fd := range sc.pkg.funcs[id.Name] {
				if fd.Recv == nil && fd.Body != nil {
					g.returned(fd.Body, lit)
				}
			}
		}
	case *ast.SelectorExpr:
		if x, ok := e.X.(*ast.Ident); ok {
			if path, ok := sc.imports[x.Name]; ok {
				if p := g.pkgs[path]; p != nil {
					if s, ok := p.consts[e.Sel.Name]; ok {
						lit(s)
					}
				}
				return
			}
		}
		// A field translated by the code holds keys; a field merely
		// copied into another (d.Title = unit.Name) need not.
		if direct && !g.u.fields[e.Sel.Name] {
			g.u.fields[e.Sel.Name] = true
			g.changed = true
		}
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			g.key(el, sc, direct, where)
		}
	}
}

// keyPrefixShape is what the fixed part of a built key looks like.
var keyPrefixShape = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*[._]$`)

// prefix records the fixed part of a key built at run time.
func (g *goScan) prefix(s string, direct bool, where string) {
	if direct || keyPrefixShape.MatchString(s) {
		g.u.prefixes[s] = append(g.u.prefixes[s], where)
	}
}

// returned feeds lit every string literal a function body returns.
func (g *goScan) returned(body *ast.BlockStmt, lit func(string)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if r, ok := n.(*ast.ReturnStmt); ok {
			for _, v := range r.Results {
				if l, ok := v.(*ast.BasicLit); ok && l.Kind == token.STRING {
					s, _ := strconv.Unquote(l.Value)
					lit(s)
				}
			}
		}
		return true
	})
}

// sink marks parameter idx of owner as carrying keys.
func (g *goScan) sink(owner sinkRef, idx int) {
	if g.sinks[owner] == nil {
		g.sinks[owner] = map[int]bool{}
	}
	if !g.sinks[owner][idx] {
		g.sinks[owner][idx] = true
		g.changed = true
	}
}
