package i18n

func init() {
	extend(idMessages, map[string]string{
		"evidence.title":           "Bukti kerja",
		"evidence.hint":            "Unggah dokumen hasil kerja (PDF, JPEG atau PNG, paling besar 5 MB) untuk satu kompetensi standar jabatan Anda. Atasan meninjaunya; bila diterima, levelnya menjadi penilaian bersumber bukti kerja.",
		"evidence.competency":      "Kompetensi",
		"evidence.claimed_level":   "Level yang diajukan",
		"evidence.level":           "Level",
		"evidence.note":            "Keterangan",
		"evidence.file":            "Berkas",
		"evidence.file_help":       "PDF, JPEG atau PNG, paling besar 5 MB.",
		"evidence.submit":          "Ajukan bukti",
		"evidence.mine":            "Bukti yang Anda ajukan",
		"evidence.submitted_at":    "Diajukan",
		"evidence.status":          "Status",
		"evidence.status.pending":  "Menunggu tinjauan",
		"evidence.status.accepted": "Diterima",
		"evidence.status.rejected": "Ditolak",
		"evidence.pending":         "Bukti menunggu tinjauan",
		"evidence.review_note":     "Catatan",
		"evidence.accept":          "Terima",
		"evidence.reject_reason":   "Alasan penolakan",
		"evidence.reject":          "Tolak",
		"evidence.submitted":       "Bukti kerja diajukan dan menunggu tinjauan atasan.",
		"evidence.reviewed":        "Tinjauan bukti kerja disimpan.",
	})
}
