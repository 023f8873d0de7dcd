package main

// script is one writing system of the traveller mix: border traffic is
// mostly Latin, but names arrive in the script of the passport's
// national-language zone or as keyed in by an officer, so the service's
// transliteration and folding paths must carry load too.
type script struct {
	name          string
	weight        int
	given         []string
	surnames      []string
	nationalities []string
}

var scripts = []script{
	{
		name: "latin", weight: 50,
		given:         []string{"JOHN", "MARIA", "PETER", "ANNA", "DAVID", "LAURA", "MICHAEL", "SARAH", "THOMAS", "EMMA", "CHINEDU", "MEI"},
		surnames:      []string{"SMITH", "JOHNSON", "GARCIA", "ROSSI", "DE JONG", "MARTIN", "ANDERSSON", "OKAFOR", "NGUYEN", "SILVA", "VAN DER BERG", "O'BRIEN"},
		nationalities: []string{"GBR", "USA", "NLD", "ITA", "NGA", "SWE", "BRA", "VNM", "IRL", "CAN"},
	},
	{
		name: "latin-diacritics", weight: 20,
		given:         []string{"José", "François", "Zoë", "Łukasz", "Şükrü", "Ángel", "Björn", "Søren", "Małgorzata", "Jürgen", "Tomáš", "Joël"},
		surnames:      []string{"Müller", "Lefèvre", "Wójcik", "Öztürk", "Núñez", "Ångström", "Dvořák", "Kovačević", "Gonçalves", "Þórsson", "Çelik", "Straße"},
		nationalities: []string{"DEU", "FRA", "POL", "TUR", "ESP", "SWE", "CZE", "HRV", "PRT", "ISL"},
	},
	{
		name: "arabic", weight: 15,
		given:         []string{"محمد", "أحمد", "علي", "حسن", "فاطمة", "عائشة", "يوسف", "خالد", "مريم", "عمر"},
		surnames:      []string{"العلي", "حداد", "منصور", "الحسيني", "خوري", "الزهراني", "عبد الله", "النجار"},
		nationalities: []string{"EGY", "JOR", "MAR", "IRQ", "SAU", "LBN", "TUN", "SYR"},
	},
	{
		name: "cyrillic", weight: 15,
		given:         []string{"Иван", "Дмитрий", "Ольга", "Наталья", "Сергей", "Анна", "Алексей", "Мария", "Николай", "Елена"},
		surnames:      []string{"Петров", "Смирнов", "Кузнецова", "Иванов", "Попов", "Соколова", "Лебедев", "Новикова", "Шевченко", "Коваленко"},
		nationalities: []string{"RUS", "UKR", "BGR", "SRB", "BLR", "KAZ"},
	},
}

// builtinListed are persons on the UN Security Council Consolidated List
// bundled with the service (2026-02-27), some in their original script as
// the list gives it, so listed travellers hit without a -listed file.
var builtinListed = []string{
	"GERMAIN KATANGA",
	"ERIC BADEGE",
	"IDRISSA DJALÓ",
	"QASEM SOLEIMANI",
	"SAMIRA SHAHBANDAR",
	"سميرة الشاهبندر",
	"AKHMED RAJAPOVICH CHATAEV",
	"Ахмед Ражапович Чатаев",
	"UMAR PATEK",
	"ABD AL-KHALIQ AL-HOUTHI",
	"عبدالخالق الحوثي",
	"JANG SONG CHOL",
}
