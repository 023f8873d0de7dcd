package synth

// The tables below are written by hand from general knowledge of naming
// customs, most frequent first (sampling is Zipf-like over the order), so
// that a generated list shares the common words real lists share
// (MOHAMMED, AL, ABDUL, KIM, GARCIA). They hold no name from any
// evaluation source.

var arabGiven = []string{
	"MOHAMMED", "AHMED", "ALI", "MOHAMMAD", "MUHAMMAD", "HASSAN", "HUSSEIN", "OMAR",
	"ABDUL", "ABDULLAH", "KHALID", "YOUSSEF", "IBRAHIM", "MAHMOUD", "MUSTAFA", "SAID",
	"ADEL", "TARIQ", "FAISAL", "NASSER", "SULEIMAN", "JAMAL", "KARIM", "WALID",
	"HISHAM", "MAJID", "SAMI", "HAMZA", "BILAL", "ZIAD", "RASHID", "SALEH",
	"ABDEL", "YASSIN", "OSAMA", "MANSOUR", "NABIL", "FAROUK", "ISMAIL", "AYMAN",
	"FATIMA", "AISHA", "MARYAM", "ZAINAB", "KHADIJA", "LAYLA", "NOOR", "HUDA",
}

// arabCompound follows ABDUL/ABDEL: the servant-of names.
var arabCompound = []string{"RAHMAN", "AZIZ", "KARIM", "RAHIM", "HAMID", "MAJID", "LATIF", "NASSER", "QADIR", "SALAM"}

var arabFamily = []string{
	"HASSAN", "ALI", "AHMED", "MASRI", "HUSSEINI", "RASHID", "ZAHRANI", "QAHTANI",
	"SHEHRI", "GHAMDI", "OTAIBI", "HARBI", "DOSARI", "TAMIMI", "KHATIB", "NAJJAR",
	"HADDAD", "SAYED", "MANSOUR", "SALEM", "BAKR", "OBEIDI", "JUBOURI", "DULAIMI",
	"SHAMMARI", "ANSARI", "BAGHDADI", "HALABI", "MAGHRIBI", "YAMANI", "FARSI", "KURDI",
}

// The syllable tables hold onsets; built words join onset, vowel and
// sometimes a coda per syllable, so rare words are as varied as real
// ones rather than a small closed set.
var arabSyllables = []string{"B", "T", "TH", "J", "H", "KH", "D", "DH", "R", "Z", "S", "SH", "F", "Q", "K", "L", "M", "N", "W", "Y", "GH", "SA", "TA"}
var latinVowels = []string{"A", "E", "I", "O", "U", "A", "I", "OU", "EE", "IA", "AI", "O"}
var latinCodas = []string{"", "", "", "N", "R", "L", "S", "M", "D", "K"}
var arabEndings = []string{"N", "R", "M", "D", "DI", "RI", "NI", "WI", "SI", "MI", "LI", "ZI", "B", "L"}

var hispanicGiven = []string{
	"JOSE", "JUAN", "CARLOS", "LUIS", "JORGE", "MIGUEL", "ANTONIO", "FRANCISCO",
	"JESUS", "MANUEL", "PEDRO", "ALEJANDRO", "RAFAEL", "FERNANDO", "RICARDO", "JAVIER",
	"MARIA", "ANA", "CARMEN", "ROSA", "GUADALUPE", "LUCIA", "ELENA", "SOFIA",
	"DIEGO", "ANDRES", "RAUL", "SERGIO", "EDUARDO", "OSCAR", "ARTURO", "HECTOR",
}

var hispanicFamily = []string{
	"GARCIA", "RODRIGUEZ", "MARTINEZ", "HERNANDEZ", "LOPEZ", "GONZALEZ", "PEREZ", "SANCHEZ",
	"RAMIREZ", "TORRES", "FLORES", "RIVERA", "GOMEZ", "DIAZ", "REYES", "MORALES",
	"CRUZ", "ORTIZ", "GUTIERREZ", "CHAVEZ", "RAMOS", "VARGAS", "CASTILLO", "JIMENEZ",
	"MORENO", "ROMERO", "HERRERA", "MEDINA", "AGUILAR", "VEGA", "CASTRO", "MENDOZA",
}

var hispanicSyllables = []string{"B", "C", "D", "F", "G", "L", "M", "N", "P", "R", "S", "T", "V", "Z", "CH", "LL", "RR", "QU", "J", "BR", "GR", "TR"}
var hispanicEndings = []string{"EZ", "O", "A", "AS", "ERA", "ILLO", "EDA", "ON", "AL", "ES"}

var westernGiven = []string{
	"JOHN", "DAVID", "MICHAEL", "JAMES", "ROBERT", "WILLIAM", "PETER", "THOMAS",
	"PAUL", "MARK", "RICHARD", "DANIEL", "JEAN", "PIERRE", "HANS", "KLAUS",
	"GIUSEPPE", "MARCO", "JAN", "PIET", "MARY", "ANNA", "SARAH", "ELIZABETH",
	"CHRISTOPHER", "STEPHEN", "ANDREW", "GEORGE", "EDWARD", "FRANK", "HENRY", "LAURA",
}

var westernFamily = []string{
	"SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "MILLER", "DAVIS", "WILSON",
	"MULLER", "SCHMIDT", "SCHNEIDER", "FISCHER", "MARTIN", "BERNARD", "DUBOIS", "ROSSI",
	"RUSSO", "FERRARI", "DE JONG", "JANSEN", "VAN DIJK", "TAYLOR", "ANDERSON", "THOMAS",
	"MOORE", "JACKSON", "WHITE", "HARRIS", "CLARK", "LEWIS", "WALKER", "YOUNG",
}

var westernSyllables = []string{"B", "BR", "C", "CH", "D", "F", "G", "GR", "H", "K", "L", "M", "N", "P", "R", "S", "ST", "SCH", "T", "TH", "W", "KR", "PF"}
var westernEndings = []string{"", "S", "ER", "SON", "MANN", "TON", "LEY", "INI", "ELLI", "EAU"}

var russianGiven = []string{
	"ALEXANDER", "SERGEY", "VLADIMIR", "DMITRY", "ANDREY", "ALEXEY", "IVAN", "MIKHAIL",
	"NIKOLAI", "EVGENY", "OLEG", "YURI", "IGOR", "PAVEL", "VIKTOR", "OLGA",
	"TATIANA", "NATALIA", "IRINA", "SVETLANA", "ELENA", "ANNA", "VIKTORIYA", "ANASTASIA",
}

var russianFamily = []string{
	"IVANOV", "SMIRNOV", "KUZNETSOV", "POPOV", "VASILIEV", "PETROV", "SOKOLOV", "MIKHAILOV",
	"NOVIKOV", "FEDOROV", "MOROZOV", "VOLKOV", "ALEKSEEV", "LEBEDEV", "SEMENOV", "EGOROV",
	"PAVLOV", "KOZLOV", "STEPANOV", "NIKOLAEV", "ORLOV", "ANDREEV", "MAKAROV", "ZAKHAROV",
}

var russianSyllables = []string{"B", "V", "G", "D", "ZH", "Z", "K", "L", "M", "N", "P", "R", "S", "T", "F", "KH", "TS", "CH", "SH", "SHCH", "GR", "STR"}
var russianEndings = []string{"OV", "EV", "IN", "SKY", "ENKO", "UK", "OVICH", "ICH", "YAN", "ADZE"}

var koreanFamily = []string{"KIM", "LEE", "PARK", "CHOI", "JUNG", "KANG", "CHO", "YOON", "JANG", "LIM", "HAN", "OH", "SEO", "SHIN", "KWON", "HWANG"}
var koreanSyllables = []string{"JONG", "UN", "MIN", "SUNG", "HO", "YOUNG", "JAE", "HYUN", "SOO", "JIN", "WOO", "CHUL", "HEE", "SEOK", "KYUNG", "IL", "NAM", "CHOL", "HYE", "DONG"}

var chineseFamily = []string{"WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG", "HUANG", "ZHAO", "WU", "ZHOU", "XU", "SUN", "MA", "ZHU", "HU", "GUO", "HE", "LIN", "LUO", "GAO"}
var chineseSyllables = []string{"WEI", "FANG", "MIN", "JING", "LEI", "JUN", "YAN", "HUI", "QIANG", "PING", "GANG", "LING", "XIN", "BO", "HONG", "JIAN", "HAO", "YU", "TAO", "MING"}

var southAsianGiven = []string{
	"MOHAMMAD", "MUHAMMAD", "RAJESH", "SURESH", "AMIT", "RAHUL", "SANJAY", "VIJAY",
	"IMRAN", "ASIF", "TARIQ", "SHAHID", "PRIYA", "SUNITA", "FARHAN", "ZAHID",
	"ANIL", "RAVI", "DEEPAK", "ARJUN", "SAJID", "NADEEM", "IRFAN", "KAMRAN",
}
var southAsianMiddle = []string{"KUMAR", "SINGH", "KHAN", "LAL", "PRASAD", "ALI", "UDDIN", "UR REHMAN"}
var southAsianFamily = []string{
	"KHAN", "SINGH", "SHARMA", "PATEL", "KUMAR", "GUPTA", "HUSSAIN", "AHMED",
	"MALIK", "QURESHI", "CHAUDHRY", "BUTT", "SHAIKH", "REDDY", "RAO", "IQBAL",
}

var africanSyllables = []string{"B", "D", "G", "K", "M", "N", "MB", "ND", "NG", "NY", "S", "T", "W", "Y", "Z", "CH", "KW", "L", "F", "J"}
var africanEndings = []string{"", "NA", "LE", "MBE", "WE", "DE", "YI", "GA", "KA", "SI"}

// Arabic-script names: the common given names as written, and letters for
// generated family names.
var arabicGiven = []string{
	"محمد", "أحمد", "علي", "حسن", "حسين", "عمر", "خالد", "يوسف",
	"إبراهيم", "عبدالله", "محمود", "مصطفى", "سعيد", "عادل", "طارق", "فيصل",
	"ناصر", "سليمان", "جمال", "كريم", "وليد", "هشام", "ماجد", "سامي",
}
var arabicLetters = []string{"ب", "ت", "ج", "ح", "خ", "د", "ر", "ز", "س", "ش", "ص", "ط", "ع", "ف", "ق", "ك", "ل", "م", "ن", "ه"}
var arabicLong = []string{"ا", "و", "ي", ""}

var cyrillicGiven = []string{
	"Александр", "Сергей", "Владимир", "Дмитрий", "Андрей", "Алексей", "Иван", "Михаил",
	"Николай", "Евгений", "Олег", "Юрий", "Игорь", "Павел", "Виктор", "Ольга",
}
var cyrillicPatronymic = []string{
	"Александрович", "Сергеевич", "Владимирович", "Дмитриевич", "Андреевич", "Алексеевич",
	"Иванович", "Михайлович", "Николаевич", "Евгеньевич", "Олегович", "Юрьевич",
}
var cyrillicFamily = []string{
	"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
	"Новиков", "Фёдоров", "Морозов", "Волков", "Лебедев", "Семёнов", "Егоров", "Павлов",
}
var cyrillicSyllables = []string{"б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц", "ч", "ш", "гр", "ст"}
var cyrillicVowels = []string{"а", "е", "и", "о", "у", "ы", "я", "ю"}
var cyrillicCodas = []string{"", "", "н", "р", "л", "с"}
var cyrillicEndings = []string{"ов", "ев", "ин", "ский", "енко", "ук"}

var nationalities = map[string][]string{
	"arab":     {"SYR", "IRQ", "SAU", "YEM", "EGY", "JOR", "LBN", "LBY", "SDN", "ARE"},
	"hispanic": {"MEX", "COL", "VEN", "ESP", "ARG", "PER", "GTM", "HND"},
	"western":  {"USA", "GBR", "DEU", "FRA", "ITA", "NLD", "BEL", "CAN"},
	"russian":  {"RUS", "UKR", "BLR", "KAZ"},
	"korean":   {"PRK", "KOR"},
	"chinese":  {"CHN", "HKG", "TWN", "SGP"},
	"asian":    {"PAK", "IND", "AFG", "BGD"},
	"african":  {"NGA", "COD", "SOM", "KEN", "MLI", "CMR"},
}
