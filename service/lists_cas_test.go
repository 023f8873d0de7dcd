package service_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
	"github.com/crosscheck/crosscheck/service"
)

const (
	personsV1 = "id,name\nP1,Ivan PETROV\n"
	personsV2 = "id,name\nP1,Ivan PETROV\nP2,Olga SMIRNOVA\n"
	personsV3 = "id,name\nP1,Ivan PETROV\nP3,Pavel SIDOROV\n"
)

// racingStore lets another replica finish an update of the same list
// while this replica's update is between reading its base and activating.
type racingStore struct {
	service.ListStore
	meanwhile func()
}

func (s *racingStore) SaveVersion(ctx context.Context, v service.ListVersion, e []matcher.Entry) error {
	if s.meanwhile != nil {
		run := s.meanwhile
		s.meanwhile = nil
		run()
	}
	return s.ListStore.SaveVersion(ctx, v, e)
}

func persons(body string) service.Upload {
	return service.Upload{ListID: "national", Format: "crosscheck-csv", Body: strings.NewReader(body)}
}

// Two replicas updating one list from the same base: the one that
// activates second gets a conflict instead of silently replacing the
// other's version, and the first one's version stays active.
func TestConcurrentUpdatesOnTwoReplicasConflict(t *testing.T) {
	a := newFixture(t, t.TempDir())
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	shared := &racingStore{ListStore: a.store}
	b := service.NewLists(shared, &service.Catalog{}, matcher.DefaultOptions(), log)
	ctx := context.Background()
	if _, err := a.lists.Load(ctx, persons(personsV1)); err != nil {
		t.Fatal(err)
	}
	var first service.Loaded
	shared.meanwhile = func() {
		var err error
		if first, err = a.lists.Load(ctx, persons(personsV2)); err != nil {
			t.Errorf("replica A's update: %v", err)
		}
	}
	_, err := b.Load(ctx, persons(personsV3))
	if service.ErrorCode(err) != service.CodeConflict || !strings.Contains(err.Error(), "changed by another update") {
		t.Fatalf("replica B's update from a stale base: %v, want a conflict", err)
	}
	active, err := a.store.Active(ctx)
	if err != nil || len(active) != 1 || active[0].Version != first.Version {
		t.Fatalf("active after the race: %+v %v, want A's version %s", active, err, first.Version)
	}
	if _, err := b.Load(ctx, persons(personsV3)); err != nil {
		t.Fatalf("B's retry from the new base: %v", err)
	}
}
