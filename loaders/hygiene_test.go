package loaders

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/matcher"
)

// messyName has what real lists carry: a double space, an NBSP, a
// trailing space and a decomposed accent (NFD "é").
const (
	messyName = "Abu  Zayd\u00a0Cafe\u0301 "
	cleanName = "Abu Zayd Café"
)

// hygieneCases hold one minimal file per format, written with a BOM and
// CR LF line ends, whose only name is messyName.
var hygieneCases = map[string]string{
	"un-xml":           "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL>\n<REFERENCE_NUMBER>X1</REFERENCE_NUMBER>\n<FIRST_NAME>" + messyName + "</FIRST_NAME>\n</INDIVIDUAL>\n</INDIVIDUALS>\n</CONSOLIDATED_LIST>\n",
	"ofac-csv":         "1,\"" + messyName + "\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n\x1a",
	"ofac-xml":         "<sdnList>\n<sdnEntry>\n<uid>1</uid>\n<lastName>" + messyName + "</lastName>\n<sdnType>Entity</sdnType>\n</sdnEntry>\n</sdnList>\n",
	"eu-xml":           "<export>\n<sanctionEntity logicalId=\"1\">\n<nameAlias wholeName=\"" + messyName + "\"/>\n</sanctionEntity>\n</export>\n",
	"uk-fcdo-xml":      "<Designations>\n<Designation>\n<UniqueID>A1</UniqueID>\n<Names><Name><Name6>" + messyName + "</Name6><NameType>Primary Name</NameType></Name></Names>\n</Designation>\n</Designations>\n",
	"uk-ofsi-csv":      "Last Updated,10/04/2025\nName 6,Group Type,Alias Type,Group ID\n\"" + messyName + "\",Individual,Primary name,1\n",
	"crosscheck-csv":   "id,name\n A1 ,\"" + messyName + "\"\n",
	"crosscheck-jsonl": `{"id":"A1","subject":"person","names":[{"full":"` + messyName + `"}],"measures":{}}` + "\n",
	"documents-csv":    "issuing_country,type,number,status\nDEU,passport,\"" + messyName + "\",stolen\n",
	"ftm":              `{"id":"A1","schema":"Person","properties":{"name":["` + messyName + `"]}}` + "\n",
	"senzing":          `{"RECORD_ID":"A1","NAME_FULL":"` + messyName + `"}` + "\n",
}

func TestHygieneEveryFormat(t *testing.T) {
	for _, format := range Formats() {
		data, ok := hygieneCases[format]
		if !ok {
			t.Errorf("%s: no hygiene case", format)
			continue
		}
		data = "\ufeff" + strings.ReplaceAll(data, "\n", "\r\n")
		list, err := readString(format, data)
		if err != nil || len(list) != 1 {
			t.Errorf("%s: got %d entries, %v", format, len(list), err)
			continue
		}
		if got := firstText(list[0]); got != cleanName {
			t.Errorf("%s: got %q, want %q", format, got, cleanName)
		}
	}
}

// firstText is the entry's primary name, or for a document entry its number.
func firstText(e matcher.Entry) string {
	if len(e.Names) > 0 {
		return e.Names[0].Full
	}
	return e.Documents[0].Number
}
