// Package config declares every Kompeten option in one table: its flag, its
// KOMPETEN_* environment variable, its default, and whether it is a secret
// (a secret may also be read from the file named by <VAR>_FILE).
package config

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

// Option is one configurable setting.
type Option struct {
	Name    string // flag name, e.g. "db"; env var is KOMPETEN_DB
	Default string
	Secret  bool
}

// Options is the table of every option; subcommands pick what they use. What
// each option does is told in the command line's catalogue (cli.opt.<name>).
var Options = []Option{
	{Name: "db", Default: "./kompeten.db"},
	{Name: "addr", Default: "127.0.0.1:8080"},
	{Name: "secure-cookies", Default: "false"},
	{Name: "log-level", Default: "info"},
	{Name: "timezone", Default: "Asia/Jakarta"},
	{Name: "session-idle", Default: "30m"},
	{Name: "log-format", Default: "text"},
	{Name: "metrics-allow", Default: "127.0.0.0/8,::1/128"},
	{Name: "metrics-token", Default: "", Secret: true},
	{Name: "base-url", Default: "http://localhost:8080"},
	{Name: "lang", Default: ""},
	// Outgoing e-mail (internal/mail): without a host the queue is kept
	// and nothing is sent.
	{Name: "smtp-host", Default: ""},
	{Name: "smtp-port", Default: "587"},
	{Name: "smtp-username", Default: ""},
	{Name: "smtp-password", Default: "", Secret: true},
	{Name: "smtp-from", Default: "kompeten@localhost"},
	{Name: "smtp-tls", Default: "starttls"},
}

// Config holds resolved option values by name.
type Config map[string]string

// Get returns an option's value.
func (c Config) Get(name string) string { return c[name] }

// Bool returns an option as a boolean.
func (c Config) Bool(name string) bool {
	switch strings.ToLower(c[name]) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

// EnvName is the environment variable of an option.
func EnvName(name string) string {
	return "KOMPETEN_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
}

// Register adds the named options to a flag set, each described by usage
// (the caller's words, in its language), and returns a function that,
// after fs.Parse, resolves each option: flag if given, else environment
// variable, else <VAR>_FILE for secrets, else the default.
func Register(fs *flag.FlagSet, usage func(name string) string, names ...string) func() (Config, error) {
	vals := map[string]*string{}
	for _, n := range names {
		o := lookup(n)
		vals[n] = fs.String(o.Name, o.Default, usage(o.Name))
	}
	return func() (Config, error) {
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		c := Config{}
		for _, n := range names {
			o := lookup(n)
			v := *vals[n]
			if !set[n] {
				if env, ok := os.LookupEnv(EnvName(n)); ok {
					v = env
				} else if file := os.Getenv(EnvName(n) + "_FILE"); o.Secret && file != "" {
					b, err := os.ReadFile(file)
					if err != nil {
						return nil, fmt.Errorf("config: %s_FILE: %w", EnvName(n), err)
					}
					v = strings.TrimSpace(string(b))
				}
			}
			c[n] = v
		}
		return c, nil
	}
}

func lookup(name string) Option {
	for _, o := range Options {
		if o.Name == name {
			return o
		}
	}
	panic("config: unknown option " + name)
}

// Default returns an option's default value.
func Default(name string) string { return lookup(name).Default }
