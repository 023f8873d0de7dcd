package service

// ListStats is one active list version with the sizes of its index, for
// metrics and dashboards.
type ListStats struct {
	Version   ListVersion
	Entries   int // list entries
	NameForms int // indexed name forms (every alias, script and transliteration)
	Documents int // indexed documents
}

// Stats returns every active list with its index sizes, sorted by list id.
// It reads the current generation like a check does, with no lock, so a
// metrics scrape never waits for a list update.
func (c *Catalog) Stats() []ListStats {
	g := c.current.Load()
	if g == nil {
		return nil
	}
	out := make([]ListStats, 0, len(g.ids))
	for _, id := range g.ids {
		out = append(out, g.lists[id].stats())
	}
	return out
}
