package i18n

import "testing"

func TestMsgTextByLanguage(t *testing.T) {
	keyed := NewMsg("err.common.unit_not_found", 7)
	for _, c := range []struct {
		name string
		m    Msg
		lang Lang
		want string
	}{
		{"a key is translated in Indonesian", keyed, ID, T(ID, "err.common.unit_not_found", 7)},
		{"a key is translated in English", keyed, EN, T(EN, "err.common.unit_not_found", 7)},
		{"a key wins over stale texts", Msg{Key: "err.common.unit_not_found", Args: []any{7}, Message: "lama"}, EN, T(EN, "err.common.unit_not_found", 7)},
		{"texts without a key", Msg{Message: "rusak", MessageEN: "broken"}, EN, "broken"},
		{"Indonesian when no English text", Msg{Message: "rusak"}, EN, "rusak"},
		{"Indonesian for Indonesian", Msg{Message: "rusak", MessageEN: "broken"}, ID, "rusak"},
	} {
		if got := c.m.Text(c.lang); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	if keyed.Message == keyed.MessageEN || keyed.Message != keyed.Text(ID) {
		t.Errorf("NewMsg renders both languages: %q / %q", keyed.Message, keyed.MessageEN)
	}
}
