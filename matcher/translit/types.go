package translit

// wordPair is one row of a generated word table.
type wordPair struct{ k, v string }
