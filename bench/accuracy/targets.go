package accuracy

// Row is one headline figure beside its target. A zero target means the
// row has no such figure.
type Row struct {
	Name         string  `json:"name"`
	Positives    int     `json:"positives,omitempty"`
	Recall       float64 `json:"recall"`
	RecallTarget float64 `json:"recall_target,omitempty"` // at least
	Negatives    int     `json:"negatives,omitempty"`
	FalseAlerts  int     `json:"false_alerts,omitempty"`
	FARate       float64 `json:"fa_rate"`
	FATarget     float64 `json:"fa_target,omitempty"` // at most
	Pass         bool    `json:"pass"`
}

// row builds a row from a tally and sets Pass.
func row(name string, t Tally, recallTarget, faTarget float64) Row {
	r := Row{Name: name, Positives: t.Positives, Recall: t.Recall(), RecallTarget: recallTarget,
		Negatives: t.Negatives, FalseAlerts: t.FalseAlerts, FARate: t.FARate(), FATarget: faTarget}
	r.Pass = (recallTarget == 0 || r.Recall >= recallTarget) && (faTarget == 0 || r.FARate <= faTarget)
	return r
}

// Targets are the acceptance figures of the accuracy issue, for the parts
// that ran.
func Targets(res *Results) []Row {
	var rows []Row
	for _, t := range res.Tracks {
		rows = append(rows, trackTargets(t)...)
	}
	if y := res.Yente; y != nil {
		// 100 false alerts per 50,000 travellers.
		const faTarget = 0.002
		us := y.Perturbed
		us.Merge(y.Negatives["negatives_us"])
		rows = append(rows,
			row("yente UN positives perturbed / negatives_us", us, 0.99, faTarget),
			row("yente negatives_global (second population)", y.Negatives["negatives_global"], 0, faTarget))
	}
	if res.Candidate.Queries > 0 {
		c := res.Candidate
		rows = append(rows, Row{Name: "candidate recall vs exhaustive", Positives: c.Exhaustive,
			Recall: c.Recall(), RecallTarget: 0.995, Pass: c.Recall() >= 0.995})
	}
	return rows
}

func trackTargets(t *TrackResult) []Row {
	switch t.Track {
	case "ofac_sdn_alias":
		return []Row{row("ofac_sdn_alias Latin", t.group(t.Script, "Latn"), 0.97, 0.03)}
	case "un_alias":
		return []Row{
			row("un_alias Latin", t.group(t.Script, "Latn"), 0.97, 0.03),
			row("un_alias original script (Arab, Cyrl)", t.group(t.Script, "Arab", "Cyrl"), 0.90, 0.03),
		}
	case "wikidata_fullname_he":
		return []Row{row("wikidata_fullname_he", t.All, 0.85, 0.03)}
	case "translit_token":
		// Tiers label only the positives; the false-alert rate is over all
		// token negatives, as the issue defines it.
		ab := t.group(t.Tier, "A", "B")
		ab.Negatives, ab.FalseAlerts = t.All.Negatives, t.All.FalseAlerts
		return []Row{row("translit_token tiers A+B", ab, 0.90, 0.10)}
	}
	return nil
}
