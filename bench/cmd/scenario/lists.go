package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
)

// upload is one list file (or set of parts) for PUT /v1/lists/{id}.
type upload struct {
	id, format, kind, name string
	file                   string            // a single file, or
	parts                  map[string]string // multipart: part name → file
}

// testLists are the real lists of the scenario, beside the bundled UN
// list the service seeds itself.
func testLists() []upload {
	ofac := "testdata/lists/ofac/sdn-2021/"
	return []upload{
		{id: "ofac-sdn", format: "ofac-csv", kind: "persons", name: "OFAC SDN (2021 test copy)", parts: map[string]string{
			"sdn": ofac + "sdn.csv", "alt": ofac + "alt.csv", "add": ofac + "add.csv", "comments": ofac + "sdn_comments.csv"}},
		{id: "uk-ofsi", format: "uk-ofsi-csv", kind: "persons", name: "UK OFSI consolidated list (excerpt)", file: "testdata/lists/uk/ofsi-conlist-2025-04-10-excerpt.csv"},
		{id: "uk-fcdo", format: "uk-fcdo-xml", kind: "persons", name: "UK Sanctions List, FCDO (excerpt)", file: "testdata/lists/uk/fcdo-excerpt.xml"},
	}
}

// put uploads one list with the admin token.
func (b *bench) put(ctx context.Context, u upload) error {
	body, ctype, err := u.body()
	if err != nil {
		return err
	}
	q := url.Values{"format": {u.format}, "kind": {u.kind}, "name": {u.name}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, b.base+"/v1/lists/"+u.id+"?"+q.Encode(), body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+adminSecret)
	req.Header.Set("Content-Type", ctype)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 2048))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("PUT /v1/lists/%s: %d %s", u.id, resp.StatusCode, msg)
	}
	return nil
}

func (u upload) body() (io.Reader, string, error) {
	if u.file != "" {
		data, err := os.ReadFile(u.file)
		return bytes.NewReader(data), "application/octet-stream", err
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for part, path := range u.parts {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, "", err
		}
		fw, err := w.CreateFormFile(part, filepath.Base(path))
		if err != nil {
			return nil, "", err
		}
		fw.Write(data)
	}
	return &buf, w.FormDataContentType(), w.Close()
}

// docCountries are issuing states of the generated documents.
var docCountries = []string{"DEU", "FRA", "GBR", "ITA", "ESP", "POL", "NLD", "BEL", "SWE", "AUT", "USA", "CAN", "TUR", "RUS", "UKR", "CHN", "IND", "BRA", "NGA", "EGY"}

// writeDocuments writes n lost and stolen documents in documents-csv,
// SLTD style. Numbers are a random prefix and the row number in base 36,
// so they look varied and never repeat a key.
func writeDocuments(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(42, 1))
	fmt.Fprintln(w, "issuing_country,type,number,status,reported_on")
	for i := range n {
		num := fmt.Sprintf("%c%c%06s", 'A'+rng.IntN(26), 'A'+rng.IntN(26), strconv.FormatInt(int64(i), 36))
		typ, status := "passport", "stolen"
		if i%3 == 0 {
			typ = "national_id"
		}
		if i%2 == 0 {
			status = "lost"
		}
		fmt.Fprintf(w, "%s,%s,%s,%s,2025-%02d-%02d\n", docCountries[i%len(docCountries)], typ, num, status, 1+i%12, 1+i%28)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
