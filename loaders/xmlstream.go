package loaders

import (
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
)

// decodeFunc reads one record element; where is its element path.
type decodeFunc func(d *xml.Decoder, start xml.StartElement, where string, line int) error

// xmlStream walks an XML list and hands every element named in items to
// decode, which reads it whole (d.DecodeElement). Only one record is in
// memory at a time. The root element must be one of roots, so a file of
// another format fails with a clear message instead of "no entries".
// Namespaces are ignored: OFAC and EU change theirs between versions.
func xmlStream(format string, r io.Reader, roots []string, decode decodeFunc, items ...string) error {
	d := xml.NewDecoder(skipBOM(r))
	d.Strict = true
	var path []string
	root := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return xmlEnd(format, path, root, d)
		}
		if err != nil {
			return xmlError(format, d, path, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(path) == 0 && !slices.Contains(roots, t.Name.Local) {
				return &Error{Format: format, Line: line(d), Path: t.Name.Local, Reason: "unexpected root element; want " + strings.Join(roots, " or ") + " (is this the right format?)"}
			}
			root = true
			if slices.Contains(items, t.Name.Local) {
				where := strings.Join(append(path, t.Name.Local), "/")
				if err := decode(d, t, where, line(d)); err != nil {
					return err
				}
				continue
			}
			path = append(path, t.Name.Local)
		case xml.EndElement:
			path = path[:len(path)-1]
		}
	}
}

// decodeItem decodes one record and reports a decoder failure with its
// position.
func decodeItem(format string, d *xml.Decoder, start xml.StartElement, where string, v any) error {
	if err := d.DecodeElement(v, &start); err != nil {
		return xmlError(format, d, strings.Split(where, "/"), err)
	}
	return nil
}

// xmlEnd checks that the file held one whole document.
func xmlEnd(format string, path []string, root bool, d *xml.Decoder) error {
	switch {
	case len(path) > 0:
		return &Error{Format: format, Line: line(d), Path: strings.Join(path, "/"), Reason: "file ends inside an element (truncated?)"}
	case d.InputOffset() == 0:
		return &Error{Format: format, Reason: "empty file", Err: ErrNoEntries}
	case !root:
		return &Error{Format: format, Line: line(d), Reason: "no XML element found (is this the right format?)"}
	}
	return nil
}

// line is the decoder's current line.
func line(d *xml.Decoder) int {
	l, _ := d.InputPos()
	return l
}

// xmlError reports a decoder failure (syntax, truncation, invalid UTF-8)
// with its line and the element path being read.
func xmlError(format string, d *xml.Decoder, path []string, err error) error {
	e := &Error{Format: format, Path: strings.Join(path, "/"), Reason: "malformed XML", Err: err}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		e.Line, e.Err = se.Line, errors.New(se.Msg)
	} else {
		e.Line = line(d)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || (se != nil && se.Msg == "unexpected EOF") {
		e.Reason = "file ends inside an element (truncated?)"
	}
	return e
}
