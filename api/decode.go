package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"

	"github.com/crosscheck/crosscheck/service"
)

// decodeJSON reads a request body into v. Unknown fields are ignored so
// the contract can grow; anything else wrong is an invalid request whose
// message says what and where.
func decodeJSON(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return service.Errorf(service.CodeInvalid, "request body: empty; send a JSON object")
	}
	err := json.Unmarshal(body, v)
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &syntax):
		return service.Errorf(service.CodeInvalid, "request body: malformed JSON at byte %d", syntax.Offset)
	case errors.As(err, &typ):
		return service.Errorf(service.CodeInvalid, "%s: want %s, got JSON %s", fieldName(typ), jsonKind(typ.Type), typ.Value)
	}
	return service.Errorf(service.CodeInvalid, "request body: not a valid JSON object")
}

func fieldName(e *json.UnmarshalTypeError) string {
	if e.Field == "" {
		return "request body"
	}
	return e.Field
}

// jsonKind names a Go type the way a JSON client thinks of it.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "an object"
	case reflect.Bool:
		return "true or false"
	}
	return "a number"
}
