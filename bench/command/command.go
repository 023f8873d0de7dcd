// Package command is the shell the bench commands share: main runs the
// command's run function with a context that an interrupt cancels, and
// turns its error into a message and an exit status; flags are parsed
// with errors and -h sent to the command's own standard error.
package command

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// Run is a command's whole program: everything it needs from the process
// comes in as arguments, so a test can run it as is.
type Run func(ctx context.Context, args []string, stdout, stderr io.Writer) error

// Main runs run with the process's arguments and streams and exits: 0 on
// success or after -h, 1 with "name: error" on standard error otherwise.
// Only main calls it.
func Main(name string, run Run) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, name+":", err)
		os.Exit(1)
	}
}

// Flags is a flag set for the command name whose usage and parse errors
// go to stderr and that returns errors instead of exiting.
func Flags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}
