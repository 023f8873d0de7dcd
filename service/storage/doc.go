// Package storage groups the adapters behind service.ListStore: boltstore
// (embedded, single node) and redisstore (shared across replicas). Both
// pass the contract suite in storetest.
package storage
