package mrz

import "strings"

// iso3166 holds the 249 ISO 3166-1 alpha-3 codes, from
// shared/data/mrz/states-iso3166.tsv, as one constant string searched with
// strings.Contains: compact, and nothing that could be mutated.
const iso3166 = "" +
	" ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS " +
	" AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ " +
	" BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV " +
	" CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU " +
	" DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK " +
	" FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC " +
	" GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND " +
	" IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM " +
	" KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA " +
	" MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG " +
	" MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC " +
	" NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL " +
	" PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP " +
	" SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN " +
	" SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO " +
	" TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB " +
	" VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE " +
	""

// special holds the Doc 9303 codes that are not ISO 3166 countries
// (cheminfo/mrz states.txt, Doc 9303-3 §5), mapped to the ISO alpha-3
// country they denote. An empty value means the code names no country:
// organisations, stateless persons and refugees, specimens.
var special = map[string]string{
	"D":   "DEU", // Germany's one-letter code, padded as "D<<"
	"GBD": "GBR", // British Overseas Territories Citizen
	"GBN": "GBR", // British National (Overseas)
	"GBO": "GBR", // British Overseas Citizen
	"GBS": "GBR", // British Subject
	"GBP": "GBR", // British Protected Person
	"RKS": "",    // Kosovo: no ISO 3166 alpha-3 code
	"XXK": "",    // Kosovo, temporary code used in the EU
	"EUE": "",    // European Union
	"UNO": "",    // United Nations Organization
	"UNA": "",    // United Nations specialized agency
	"UNK": "",    // UNMIK (Kosovo) travel document
	"XBA": "",    // African Development Bank
	"XIM": "",    // African Export-Import Bank
	"XCC": "",    // CARICOM
	"XCE": "",    // Council of Europe
	"XCO": "",    // COMESA
	"XEC": "",    // ECOWAS
	"XPO": "",    // INTERPOL
	"XES": "",    // Organization of Eastern Caribbean States
	"XOM": "",    // Sovereign Military Order of Malta
	"XDC": "",    // Southern African Development Community
	"XXA": "",    // stateless person (1954 Convention)
	"XXB": "",    // refugee (1951 Convention)
	"XXC": "",    // other refugee
	"XXX": "",    // unspecified nationality
	"ANT": "ANT", // Netherlands Antilles, deprecated in ISO 3166
	"NTZ": "NTZ", // Neutral Zone, deprecated in ISO 3166
	"UTO": "",    // Utopia, the Doc 9303 specimen state
	"IAO": "",    // ICAO
}

// CountryISO3 maps an MRZ state code, with or without trailing fillers, to
// the ISO 3166 alpha-3 country it denotes: "D" → "DEU", "GBN" → "GBR",
// "FRA" → "FRA". iso3 is empty for known codes that name no country (XXA,
// UNO, UTO). known is false for codes in neither table (e.g. "BOS").
func CountryISO3(code string) (iso3 string, known bool) {
	code = strings.TrimRight(code, "<")
	if iso3, ok := special[code]; ok {
		return iso3, true
	}
	if isISO3166(code) {
		return code, true
	}
	return "", false
}

func isISO3166(code string) bool {
	if len(code) != 3 || strings.IndexByte(code, ' ') >= 0 {
		return false
	}
	return strings.Contains(iso3166, " "+code+" ")
}
