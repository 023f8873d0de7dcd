package mrz

import "strings"

// extract fills m from m.Lines, in the order the checks appear in the MRZ.
func (l *layout) extract(m *MRZ, opts Options) {
	lines := m.Lines
	m.DocumentCode = trimFiller(l.code.of(lines))
	m.IssuingState, m.IssuingStateISO = m.stateCode("issuing state", l.state.of(lines))
	m.Surname, m.GivenNames, m.Truncated = m.readName(l.name.of(lines))
	l.readNumber(m)
	m.Nationality, m.NationalityISO = m.stateCode("nationality", l.nationality.of(lines))
	l.readDates(m, opts)
	m.readSex(l.sex.char(lines))
	if l.personal.present() {
		m.PersonalNumber = cleanOptional(l.personal.of(lines))
		m.record(newCheck(FieldPersonalNumber, l.personal.of(lines), l.personalCheck.char(lines)))
	}
	if l.optional2.present() {
		m.Optional2 = cleanOptional(l.optional2.of(lines))
	}
	if l.composite.present() {
		m.record(newCheck(FieldComposite, l.compositeData(lines), l.composite.char(lines)))
	}
	m.checkCode()
}

// readNumber reads the document number and, for a long TD1 or TD2 number,
// the part carried in the optional data; Optional1 keeps what follows it.
func (l *layout) readNumber(m *MRZ) {
	lines := m.Lines
	principal, found := l.number.of(lines), l.numberCheck.char(lines)
	optional := ""
	if l.optional1.present() {
		optional = l.optional1.of(lines)
	}
	if l.longNumber && found == '<' {
		if extra, check, rest, ok := longNumber(optional); ok {
			m.DocumentNumber = strings.Trim(principal+extra, "<")
			m.LongDocumentNumber = true
			m.Optional1 = cleanOptional(rest)
			m.record(longNumberCheck(principal, extra, check))
			return
		}
	}
	m.DocumentNumber = strings.Trim(principal, "<")
	m.Optional1 = cleanOptional(optional)
	m.record(newCheck(FieldDocumentNumber, principal, found))
}

// readDates resolves both dates. Without a reference date the birth date
// is resolved against the expiry date, so both are split first.
func (l *layout) readDates(m *MRZ, opts Options) {
	lines := m.Lines
	birth, expiry := l.birth.of(lines), l.expiry.of(lines)
	exp, expOK := splitDate(expiry)
	dob, dobOK := splitDate(birth)
	m.BirthDate = m.dateString(FieldBirthDate, birth, dob, dobOK, birthYear(dob, opts.Now, exp, expOK))
	m.ExpiryDate = m.dateString(FieldExpiryDate, expiry, exp, expOK, expiryYear(exp, opts.Now))
	m.record(newCheck(FieldBirthDate, birth, l.birthCheck.char(lines)))
	m.record(newCheck(FieldExpiryDate, expiry, l.expiryCheck.char(lines)))
}

func (m *MRZ) dateString(field, raw string, d yymmdd, ok bool, year int) string {
	s, valid := "", false
	if ok {
		s, valid = d.format(year)
	}
	if !valid {
		m.warnf("%s %q is not a valid date", field, raw)
	}
	return s
}

func (l *layout) compositeData(lines []string) string {
	var b strings.Builder
	for _, s := range l.compositeOver {
		b.WriteString(s.of(lines))
	}
	return b.String()
}

// stateCode maps a state field to its code and ISO country, warning about
// codes in neither the ISO 3166 nor the Doc 9303 tables (e.g. "BOS").
func (m *MRZ) stateCode(what, field string) (code, iso3 string) {
	code = trimFiller(field)
	iso3, known := CountryISO3(code)
	if !known {
		m.warnf("%s %q is not a known ISO 3166 or ICAO code", what, field)
	}
	return code, iso3
}

func (m *MRZ) readSex(c byte) {
	m.Sex = string(c)
	if c != 'M' && c != 'F' && c != 'X' && c != '<' {
		m.warnf("sex %q is not M, F, X or <", m.Sex)
	}
}

// checkCode warns when the document code does not fit the layout: a
// passport code on a card, say. The MRZ is still read; the officer decides.
func (m *MRZ) checkCode() {
	c := m.DocumentCode
	ok := c != ""
	if ok {
		switch m.Format {
		case TD3:
			ok = c[0] == 'P'
		case MRVA, MRVB:
			ok = c[0] == 'V'
		default:
			ok = strings.IndexByte("IAC", c[0]) >= 0
		}
	}
	if !ok {
		m.warnf("document code %q is unusual for a %s document", c, m.Format)
	}
}

// trimFiller drops the fillers that pad a field on the right.
func trimFiller(s string) string { return strings.TrimRight(s, "<") }

// cleanOptional turns optional data into text: fillers around it go,
// inner ones become spaces ("010195<112X" → "010195 112X").
func cleanOptional(s string) string {
	return strings.ReplaceAll(strings.Trim(s, "<"), "<", " ")
}

// readName splits the name field (Doc 9303-3 §4.6): "<<" separates the
// primary identifier (surname) from the secondary (given names), a single
// '<' separates words. A field that starts with "<<" has no surname. A
// field filled to its last position may have been cut, so the last word
// is only a prefix of the real name.
func (m *MRZ) readName(field string) (surname, given string, truncated bool) {
	truncated = field[len(field)-1] != '<'
	primary, secondary, _ := strings.Cut(trimFiller(field), "<<")
	if strings.ContainsAny(field, "0123456789") {
		m.warnf("name field %q contains digits, which Doc 9303 never allows in names", trimFiller(field))
	}
	return words(primary), words(secondary), truncated
}

// words joins the filler-separated words of s with single spaces. Runs of
// fillers count as one separator: a third "<<" section, seen on badly
// made documents, is kept as more given names rather than dropped.
func words(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '<' }), " ")
}
