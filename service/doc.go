// Package service holds crosscheck's use cases (checking travellers,
// managing list versions), the ports they need from storage, and the one
// error vocabulary every adapter and the API speak.
//
// It depends on matcher (the pure core) and loaders (file formats), never
// on an adapter: storage and HTTP plug in from outside.
package service
