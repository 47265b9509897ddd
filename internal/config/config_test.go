package config

import (
	"flag"
	"testing"
)

func TestPrecedence(t *testing.T) {
	t.Setenv("KOMPETEN_ADDR", "0.0.0.0:9000")
	t.Setenv("KOMPETEN_DB", "env.db")
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	resolve := Register(fs, func(string) string { return "" }, "db", "addr", "log-level")
	if err := fs.Parse([]string{"--db", "flag.db"}); err != nil {
		t.Fatal(err)
	}
	c, err := resolve()
	if err != nil {
		t.Fatal(err)
	}
	if c.Get("db") != "flag.db" {
		t.Errorf("flag must win over env: db = %q", c.Get("db"))
	}
	if c.Get("addr") != "0.0.0.0:9000" {
		t.Errorf("env must win over default: addr = %q", c.Get("addr"))
	}
	if c.Get("log-level") != "info" {
		t.Errorf("default: log-level = %q", c.Get("log-level"))
	}
}

func TestDefaultAddrIsLoopback(t *testing.T) {
	if lookup("addr").Default != "127.0.0.1:8080" {
		t.Fatal("a demo with printed passwords must listen on loopback by default")
	}
}
