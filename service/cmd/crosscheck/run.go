package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

const usage = `crosscheck checks travellers against alert lists.

Usage:
  crosscheck serve [flags]          run the HTTP service (crosscheck serve -h for flags)
  crosscheck audit verify [flags]   check every audit chain for altered, missing or cut records
  crosscheck lists import [flags] FILE   load a list file into the store and activate it
  crosscheck version                print the version
`

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// run is the whole program; main only calls it. Everything it needs from
// the process arrives as arguments, so the end-to-end test runs it as is.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errors.New("no command given")
	}
	switch args[0] {
	case "serve":
		cfg, err := parseServe(args[1:], getenv, stderr)
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		if err != nil {
			return err
		}
		return serve(ctx, cfg, stderr)
	case "audit":
		return auditVerify(ctx, args[1:], getenv, stdout, stderr)
	case "lists":
		return listsCommand(ctx, args[1:], getenv, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "crosscheck", version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return fmt.Errorf("unknown command %q", args[0])
}
