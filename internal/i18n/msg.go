package i18n

// Msg is a message of a check that leaves the program translated: a
// catalogue key and its format arguments, rendered in both languages for
// the readers that keep the two side by side (the API's message_en, the
// import reports). A message without a Key (one that quotes a parser's own
// words, or a reason that carries both languages itself) has only the two
// texts. The problems of the registry, the dictionary and the importer
// embed it.
type Msg struct {
	Key       string
	Args      []any
	Message   string // Indonesian
	MessageEN string // English
}

// NewMsg returns the message of key and args, rendered in both languages.
func NewMsg(key string, args ...any) Msg {
	return Msg{Key: key, Args: args, Message: T(ID, key, args...), MessageEN: T(EN, key, args...)}
}

// Text returns the message in lang: from the catalogue when it has a key,
// else the text given (Indonesian when no English one was).
func (m Msg) Text(lang Lang) string {
	if m.Key != "" {
		return T(lang, m.Key, m.Args...)
	}
	if lang == EN && m.MessageEN != "" {
		return m.MessageEN
	}
	return m.Message
}
