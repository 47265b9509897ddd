// Package cli implements the kompeten subcommands. Each subcommand parses
// its own flags (options come from the config table), opens the store and
// calls the same store and logic functions the web UI and the API use.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/kompeten/kompeten/internal/apperr"
	"github.com/kompeten/kompeten/internal/config"
	"github.com/kompeten/kompeten/internal/i18n"
	"github.com/kompeten/kompeten/internal/model"
	"github.com/kompeten/kompeten/internal/store"
)

// Version is set at build time with -ldflags "-X .../cli.Version=...".
var Version = "dev"

// command is one subcommand.
type command struct {
	summary string // catalogue key of the one-line summary
	run     func(ctx context.Context, env *Env, args []string) error
}

// Env is what a subcommand writes to; tests capture it.
type Env struct {
	Stdout, Stderr io.Writer
}

var commands = map[string]command{}

func register(name, summary string, run func(ctx context.Context, env *Env, args []string) error) {
	commands[name] = command{summary, run}
}

// cliActor is the audit identity of changes made from the command line.
var cliActor = model.Actor{Name: "cli"}

// Run executes the command line and returns the process exit code.
func Run(ctx context.Context, env *Env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "%s\n\n", msg("cli.unknown", args[0]))
		usage(env.Stderr)
		return 2
	}
	if err := cmd.run(ctx, env, args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		var ae *apperr.Error
		if errors.As(err, &ae) {
			fmt.Fprintf(env.Stderr, "kompeten %s: %s\n", args[0], ae.Text(Lang()))
		} else {
			fmt.Fprintf(env.Stderr, "kompeten %s: %v\n", args[0], err)
		}
		return 1
	}
	return 0
}

// Lang is the language of the command line's messages: KOMPETEN_LANG when
// set, else the locale (LC_ALL, LC_MESSAGES, LANG, the first one set, as
// POSIX orders them: "en_US.UTF-8" gives English), else Indonesian.
func Lang() i18n.Lang {
	if v := os.Getenv(config.EnvName("lang")); v != "" {
		return i18n.Parse(v)
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			return i18n.Parse(v)
		}
	}
	return i18n.ID
}

// msg is the catalogue text of key in the command line's language.
func msg(key string, args ...any) string { return i18n.T(Lang(), key, args...) }

// inLang picks, of a message kept in both languages, the one in Lang.
func inLang(id, en string) string {
	if Lang() == i18n.EN && en != "" {
		return en
	}
	return id
}

// CommandNames lists the subcommands in alphabetical order.
func CommandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "%s\n\n%s\n\n%s\n", msg("cli.title"), msg("cli.usage"), msg("cli.commands"))
	for _, n := range CommandNames() {
		fmt.Fprintf(w, "  %-9s %s\n", n, msg(commands[n].summary))
	}
	fmt.Fprintln(w, "\n"+msg("cli.options_hint"))
}

// flags returns a flag set for a subcommand with the named config options.
// Its -h prints the command's usage (cli.usage.<name>) and every option in
// the command line's language: the flag package's own listing is English.
func flags(env *Env, name string, opts ...string) (*flag.FlagSet, func() (config.Config, error)) {
	fs := flag.NewFlagSet("kompeten "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "%s\n%s\n", msg("cli.usage."+name), msg("cli.options"))
		printOptions(env.Stderr, fs)
	}
	return fs, config.Register(fs, func(name string) string {
		return msg("cli.opt."+name) + " " + msg("cli.env", config.EnvName(name))
	}, opts...)
}

// resolveAndOpen resolves a subcommand's options and opens its database,
// what every subcommand that only needs the database starts with.
func resolveAndOpen(ctx context.Context, resolve func() (config.Config, error)) (*store.Store, error) {
	cfg, err := resolve()
	if err != nil {
		return nil, err
	}
	return openStore(ctx, cfg)
}

// openStore opens and migrates the database named by the db option.
func openStore(ctx context.Context, cfg config.Config) (*store.Store, error) {
	st, err := store.Open(cfg.Get("db"))
	if err != nil {
		return nil, err
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	// Every database carries the built-in dictionaries (national, digital,
	// technical); a newer Kompeten adds its new versions here.
	if _, err := st.EnsureBuiltInFrameworks(ctx, cliActor); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

func init() {
	register("version", "cli.summary.version", func(ctx context.Context, env *Env, args []string) error {
		fs, _ := flags(env, "version")
		if err := fs.Parse(args); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, "kompeten", Version)
		return nil
	})
	register("migrate", "cli.summary.migrate", func(ctx context.Context, env *Env, args []string) error {
		fs, resolve := flags(env, "migrate", "db")
		if err := fs.Parse(args); err != nil {
			return err
		}
		cfg, err := resolve()
		if err != nil {
			return err
		}
		st, err := store.Open(cfg.Get("db"))
		if err != nil {
			return err
		}
		defer st.Close()
		n, err := st.Migrate(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, msg("cli.migrations_ran", n))
		return nil
	})
}

// printOptions lists a flag set's options as flag.PrintDefaults does, with
// the default named in the command line's language.
func printOptions(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		kind, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(w, "  -%s %s\n", f.Name, kind)
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			usage = msg("cli.default", usage, f.DefValue)
		}
		fmt.Fprintf(w, "    \t%s\n", usage)
	})
}

// parseArgs parses flags that may come before or after positional
// arguments ("backup FILE --db x" as well as "backup --db x FILE") and
// returns the positionals in order.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
