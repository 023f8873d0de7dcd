// Package deploy holds crosscheck's container and cluster manifests. It has no
// code: its test reads every manifest and checks the references between them
// and against the binary (env variable names, probe paths, ports), so a
// manifest cannot drift from the code unnoticed.
package deploy
