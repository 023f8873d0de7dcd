// Package api is crosscheck's thin HTTP layer on Fiber: every route is
// declared in Routes, handlers decode, make one service call and encode,
// and errors become HTTP answers in exactly one place (writeError).
package api
