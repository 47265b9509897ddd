// Package assess resolves the rating events of one employee (self-assessment,
// supervisor, peers, tests, assessment centre, reviewed work evidence) into
// one current level per competency, and explains the result. It is pure
// logic: the caller passes the events and the moment "now".
//
// # Aturan (Bahasa Indonesia)
//
// Untuk setiap kompetensi:
//
//  1. Penilaian dengan level di luar 1–5, atau bertanggal setelah tanggal
//     perhitungan, diabaikan. Sumber yang tidak berbobot dan tidak termasuk
//     sumber pengungguli juga diabaikan.
//  2. Dari setiap penilai untuk sumber yang sama hanya penilaian terbarunya
//     yang dihitung: penilaian ulang menggantikan penilaian sebelumnya.
//  3. Penilaian yang lebih tua dari masa berlakunya diabaikan (bawaan:
//     assessment centre 3 tahun, tes 2 tahun, sumber lain 1 tahun).
//  4. Penilaian rekan kerja hanya dihitung jika paling sedikit 3 rekan
//     berbeda menilai; yang dihitung adalah rata-ratanya yang dibulatkan, dan
//     identitas rekan tidak pernah ditampilkan. Jika kurang dari 3, nilainya
//     tidak dihitung dan tidak ditampilkan.
//  5. Jika ada hasil assessment centre yang masih berlaku, level terbarunya
//     menentukan sendiri; jika tidak ada, hasil tes yang masih berlaku
//     menentukan sendiri.
//  6. Jika tidak ada keduanya, level adalah rata-rata berbobot dari sumber
//     yang ada (bawaan: atasan 3, bukti kerja yang diverifikasi atasan 2,
//     rata-rata rekan kerja 2, penilaian diri 1), dibulatkan setengah ke
//     atas. Sumber dengan beberapa penilai (misalnya dua atasan) dihitung
//     dengan rata-rata penilainya yang dibulatkan.
//  7. Perbedaan penilaian ditandai bila level sumber-sumber yang berlaku
//     berselisih 2 level atau lebih (misalnya diri 4, atasan 1), termasuk
//     bila sumber pengungguli berbeda jauh dengan sumber lain.
//
// # Rule (English)
//
// For each competency:
//
//  1. Events with a level outside 1–5 or dated after "now" are ignored, and
//     so are sources the rule neither weights nor lists as outranking.
//  2. Only the latest event of each (source, rater) counts: a rater who
//     re-rates replaces their earlier rating (ties on time go to the higher
//     event ID).
//  3. Events older than their source's validity are ignored (default:
//     assessment centre 3 years, test 2 years, the rest 1 year; a year is
//     365 days; no validity set means no expiry).
//  4. Peer ratings count only when at least MinPeers (3) distinct peers
//     rated; then their rounded mean counts as one source. Peers are
//     anonymous: no rater ID, date or (below the minimum) value of a peer
//     rating is ever reported.
//  5. If an outranking source has a valid event, the level of its latest
//     event decides alone, in the order of Rule.Outranks (default assessment
//     centre, then test). Other valid sources are reported as outranked.
//  6. Otherwise the level is the weighted mean of the sources present
//     (default supervisor 3, supervisor-reviewed evidence 2, peer mean 2,
//     self 1), rounded half up in integer arithmetic. A source with several
//     raters (two supervisors, say) enters with the rounded mean of its
//     raters, so anyone can recompute the result from the lines Explain
//     shows.
//  7. A conflict is flagged when the levels of the valid sources differ by
//     at least ConflictSpread (2); when an outranking source decided, when
//     any other valid source differs from it by that much.
//
// A competency that has at least one well-formed event within its validity
// gets a Resolution; its Level is 0 when none of those events could count
// (only two peers, say), which gap.Actual reads as "not assessed".
package assess
