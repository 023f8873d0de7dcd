package main

import "strings"

// rigourGroup is one key of a rigour symbols.yml section with its list items.
type rigourGroup struct {
	section string
	items   []string
}

// parseRigour reads the person_nick and person_name_parts sections of
// rigour's symbols.yml. The file is a plain two-level mapping of lists, so a
// line reader is enough and the module needs no YAML dependency.
func parseRigour(path string) ([]rigourGroup, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	var groups []rigourGroup
	section := ""
	for _, line := range lines {
		t := strings.TrimSpace(stripComment(line))
		switch {
		case t == "":
		case !strings.HasPrefix(line, " "):
			section = strings.TrimSuffix(t, ":")
		case section != "person_nick" && section != "person_name_parts":
		case strings.HasPrefix(t, "- ") && len(groups) > 0:
			g := &groups[len(groups)-1]
			g.items = append(g.items, strings.Trim(strings.TrimSpace(t[2:]), `"'`))
		case strings.HasSuffix(t, ":"):
			groups = append(groups, rigourGroup{section: section})
		}
	}
	return groups, nil
}

// stripComment drops a YAML comment; name items never contain " #".
func stripComment(line string) string {
	if i := strings.Index(line, " #"); i >= 0 {
		return line[:i]
	}
	if strings.HasPrefix(strings.TrimSpace(line), "#") {
		return ""
	}
	return line
}
