package auditstoretest

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck/service"
	"github.com/crosscheck/crosscheck/service/audit"
)

// Key is the HMAC key of the suite's logs. Never use it outside tests.
var Key = []byte("auditstoretest-key-0123456789abcdef")

// T0 is the time of the first fixture record.
var T0 = time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)

// SampleCheck is a realistic check record: a traveller with a passport,
// two hits with explanations, three list versions. Benchmarks size the
// stores with it. i varies the ids and the traveller.
func SampleCheck(i int, t time.Time) audit.Record {
	return audit.Record{
		Time:       t,
		CheckID:    service.NewID(t),
		Kind:       audit.KindCheck,
		Token:      "border-system-frankfurt",
		Role:       "checker",
		Checkpoint: "FRA-T1-07",
		Operator:   fmt.Sprintf("officer-%04d", i%500),
		Reference:  fmt.Sprintf("case-%08d", i),
		Traveller: json.RawMessage(fmt.Sprintf(`{"traveller":{"surname":"HASSAN%d","given_names":"Abdel Karim",`+
			`"date_of_birth":"1971-04-12","nationality":"EGY","sex":"M","documents":[{"number":"A%08d","type":"P","issuing_country":"EGY"}]},`+
			`"checkpoint":"FRA-T1-07","reference":"case-%08d"}`, i, i, i)),
		Decision:       "review",
		Hits:           json.RawMessage(sampleHits),
		Lists:          []audit.ListRef{{ID: "un", Version: "2026-02-27"}, {ID: "ofac-sdn", Version: "2026-02-28T06:00:00Z"}, {ID: "eu-fsf", Version: "2026-02-26"}},
		MatcherVersion: "matcher/2026.02.3",
		Latency:        412 * time.Microsecond,
	}
}

const sampleHits = `[{"list_id":"un","entry_id":"QDi.402","kind":"name","score":0.91,"decision":"review",` +
	`"matched_name":"Abd al-Karim HASAN","subject":"person","programs":["1267"],"measures":{"travel_ban":true,"asset_freeze":true},` +
	`"explanation":{"query_name":"HASSAN Abdel Karim","entry_name":"Abd al-Karim HASAN","name_score":0.93,` +
	`"tokens":[{"query":"HASSAN","entry":"HASAN","score":0.97,"rule":"edit"},{"query":"ABDEL","entry":"ABD AL","score":0.95,"rule":"particle"},` +
	`{"query":"KARIM","entry":"KARIM","score":1,"rule":"exact"}],"features":[{"name":"dob","contribution":-0.02},{"name":"nationality","contribution":0.01}]}},` +
	`{"list_id":"ofac-sdn","entry_id":"12345","kind":"name","score":0.84,"decision":"review","matched_name":"Abdul Karim HASSAN",` +
	`"subject":"person","programs":["SDGT"],"measures":{"asset_freeze":true},"explanation":{"query_name":"HASSAN Abdel Karim",` +
	`"entry_name":"Abdul Karim HASSAN","name_score":0.86,"tokens":[{"query":"HASSAN","entry":"HASSAN","score":1,"rule":"exact"},` +
	`{"query":"ABDEL","entry":"ABDUL","score":0.88,"rule":"edit"},{"query":"KARIM","entry":"KARIM","score":1,"rule":"exact"}],` +
	`"features":[{"name":"dob_missing","contribution":0}]}}]`

// stored is a record as a store would get it from a Log: chain position
// set and a (fake) MAC. Stores never check MACs.
func stored(chain string, seq uint64, r audit.Record) audit.Record {
	r.Chain, r.Seq = chain, seq
	r.Time = r.Time.UTC()
	if seq > 1 {
		r.Prev = fmt.Sprintf("mac-%s-%d", chain, seq-1)
	}
	r.Mac = fmt.Sprintf("mac-%s-%d", chain, seq)
	return r
}

// variety is a small set of records of two chains that differ in every
// field a Filter looks at; the query table tests pick them by check id.
func variety() []audit.Record {
	at := func(min int) time.Time { return T0.Add(time.Duration(min) * time.Minute) }
	admin := audit.Record{Time: at(3), CheckID: "admin-1", Kind: audit.KindAdmin, Token: "ops", Role: "admin",
		Action: "activate", Target: "un", Outcome: "ok"}
	clear := audit.Record{Time: at(4), CheckID: "clear-1", Kind: audit.KindCheck, Token: "border-b", Checkpoint: "MUC-2",
		Operator: "officer-2", Decision: "clear", Hits: json.RawMessage(`[]`),
		Traveller: json.RawMessage(`{"name":"Marie Curie","documents":[{"number":"X1234567"}]}`)}
	auth := audit.Record{Time: at(5), CheckID: "auth-1", Kind: audit.KindAuthFailure, Outcome: "unknown token"}
	a1 := SampleCheck(1, at(1))
	a1.CheckID = "check-1"
	b2 := SampleCheck(2, at(2))
	b2.CheckID, b2.Decision, b2.Checkpoint = "check-2", "hit", "MUC-2"
	b2.Hits = json.RawMessage(`[{"list_id":"eu-fsf","entry_id":"EU.77","score":1,"decision":"hit"}]`)
	return []audit.Record{
		stored("a", 1, a1), stored("b", 1, b2), stored("a", 2, admin), stored("b", 2, clear), stored("a", 3, auth),
	}
}
