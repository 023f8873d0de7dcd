// Package mrz reads the machine readable zone (MRZ) of travel documents as
// specified by ICAO Doc 9303: TD1 identity cards (3×30), TD2 cards (2×36),
// TD3 passports (2×44) and the MRV-A (2×44) and MRV-B (2×36) visas.
//
// Parse splits the raw text a border post sends into fields, verifies every
// check digit and reports each result. A wrong check digit is not an error:
// officers still need the name and number to run a check, so the MRZ is
// returned with the failed checks and human-readable warnings. Only text that
// cannot be an MRZ at all (wrong line count or length, characters outside
// A-Z, 0-9 and '<') is rejected, with an *Error that points at the line and
// column.
//
// The package is pure: it does no I/O, holds no mutable state and reads no
// clock. Two-digit years are resolved against Options.Now, which the caller
// supplies.
package mrz
