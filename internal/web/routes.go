package web

import (
	"net/http"

	"github.com/kompeten/kompeten/internal/policy"
)

// route is one row of the web UI's route table: method and ServeMux
// pattern, the policy action the router checks before the handler runs,
// and the handler, which returns its error for serve to render. Bare routes (health check, static files) are served
// without sessions and cross-origin checks; every Bare route is Public.
type route struct {
	Method  string
	Pattern string
	Action  policy.Action
	h       handler
	Bare    bool
}

// routeTable is every page and action of the web UI: the one list the
// router is built from (New) and the route × role matrix test walks.
// Later capabilities add their rows here and their menu entry in navItems.
func (s *server) routeTable() []route {
	const (
		public  = policy.Public
		session = policy.Session
	)
	return []route{
		{"GET", "/healthz", public, plain(s.healthz), true},
		{"GET", "/static/", public, plain(s.static), true},
		{"GET", "/favicon.ico", public, plain(s.favicon), true},
		{"GET", "/masuk", public, s.loginForm, false},
		{"POST", "/masuk", public, s.login, false},
		{"POST", "/keluar", public, s.logout, false},
		{"POST", "/bahasa", public, s.setLang, false},
		{"GET", "/lupa-sandi", public, s.forgotForm, false},
		{"POST", "/lupa-sandi", public, s.forgotSend, false},
		{"GET", "/atur-sandi", public, s.setPasswordForm, false},
		{"POST", "/atur-sandi", public, s.setPassword, false},
		{"", "/", public, s.notFoundPage, false}, // everything else: the not-found page

		{"GET", "/{$}", session, s.home, false},
		{"GET", "/akun-saya", session, s.myAccount, false},
		{"POST", "/akun-saya/sandi", session, s.changePassword, false},
		{"POST", "/akun-saya/sesi/akhiri", session, s.endSession, false},
		{"POST", "/akun-saya/token", session, s.createToken, false},
		{"POST", "/akun-saya/token/cabut", session, s.revokeToken, false},
		{"GET", "/organisasi", policy.RegistryRead, s.orgRoot, false},
		{"GET", "/organisasi/{id}", policy.RegistryRead, s.orgUnit, false},
		{"GET", "/organisasi/plt", policy.OrgWrite, s.actingPage, false},
		{"POST", "/organisasi/plt", policy.OrgWrite, s.actingAdd, false},
		{"POST", "/organisasi/plt/akhiri", policy.OrgWrite, s.actingEnd, false},
		{"POST", "/organisasi/plt/hapus", policy.OrgWrite, s.actingRemove, false},
		{"POST", "/organisasi/plt/impor", policy.OrgWrite, s.actingImportUpload, false},
		{"POST", "/organisasi/plt/impor/terapkan", policy.OrgWrite, s.actingImportApply, false},
		{"GET", "/pegawai", policy.RegistryRead, s.employeeList, false},
		{"GET", "/pegawai/baru", policy.EmployeeWrite, s.employeeNewForm, false},
		{"POST", "/pegawai/baru", policy.EmployeeWrite, s.employeeCreate, false},
		{"GET", "/pegawai/{id}", policy.RegistryRead, s.employeeShow, false},
		{"GET", "/pegawai/{id}/ubah", policy.EmployeeWrite, s.employeeEditForm, false},
		{"POST", "/pegawai/{id}/ubah", policy.EmployeeWrite, s.employeeUpdate, false},
		{"POST", "/pegawai/{id}/akun/aktifkan", policy.AccountManage, s.accountActivate, false},
		{"POST", "/pegawai/{id}/akun/reset", policy.AccountManage, s.accountReset, false},
		{"POST", "/pegawai/{id}/akun/aktivasi-surel", policy.AccountManage, s.accountSendActivation, false},
		{"POST", "/pegawai/{id}/disiplin", policy.PenaltyWrite, s.penaltyAdd, false},
		{"POST", "/pegawai/{id}/disiplin/{pid}/cabut", policy.PenaltyWrite, s.penaltyRevoke, false},
		{"POST", "/pegawai/{id}/kinerja", policy.PerformanceWrite, s.performanceSet, false},
		{"POST", "/pegawai/{id}/jabatan-target", policy.EmployeeWrite, s.targetSet, false},
		{"GET", "/pegawai/{id}/profil.pdf", policy.CompetencyRead, s.profilePDF, false},
		{"GET", "/impor", policy.EmployeeImport, s.importForm, false},
		{"POST", "/impor", policy.EmployeeImport, s.importUpload, false},
		{"POST", "/impor/terapkan", policy.EmployeeImport, s.importApply, false},
		{"POST", "/impor/laporan", policy.EmployeeImport, s.importReport, false},
		{"GET", "/ekspor/pegawai.csv", policy.EmployeeImport, s.exportCSV, false},
		{"GET", "/ekspor/pegawai.xlsx", policy.EmployeeImport, s.exportXLSX, false},
		{"GET", "/akun", policy.AccountManage, s.accountList, false},
		{"POST", "/akun/{id}", policy.AccountManage, s.accountUpdate, false},
		{"GET", "/akun/penyelenggara", policy.ProviderManage, s.providerAccountPage, false},
		{"POST", "/akun/penyelenggara", policy.ProviderManage, s.providerAccountCreate, false},
		{"GET", "/audit", policy.AuditRead, s.auditLog, false},
		{"GET", "/pengaturan", policy.SettingsManage, s.settingsPage, false},
		{"POST", "/pengaturan", policy.SettingsManage, s.settingsSave, false},
		{"GET", "/audit/dilihat", policy.AuditRead, s.viewsPage, false},
		{"GET", "/kotak-masuk", policy.NoticeRead, s.inbox, false},
		{"POST", "/kotak-masuk/buka", policy.NoticeRead, s.inboxOpen, false},
		{"POST", "/kotak-masuk/baca-semua", policy.NoticeRead, s.inboxReadAll, false},
		{"GET", "/kotak-masuk/pengaturan", policy.NoticeRead, s.inboxPrefs, false},
		{"POST", "/kotak-masuk/pengaturan", policy.NoticeRead, s.inboxPrefsSave, false},
		{"GET", "/data-saya", session, s.myDataPage, false},
		{"POST", "/data-saya/keberatan", session, s.myContest, false},
		{"GET", "/data-saya/unduh.json", session, s.myDataJSON, false},
		{"GET", "/data-saya/unduh.xlsx", session, s.myDataXLSX, false},
		{"GET", "/keberatan", policy.EmployeeWrite, s.contestsPage, false},
		{"POST", "/keberatan/jawab", policy.EmployeeWrite, s.contestAnswer, false},

		{"GET", "/kamus", policy.DictionaryRead, s.dictionaryList, false},
		{"POST", "/kamus/impor", policy.DictionaryImport, s.dictionaryUpload, false},
		{"POST", "/kamus/impor/terapkan", policy.DictionaryImport, s.dictionaryApply, false},
		{"GET", "/kamus/{id}", policy.DictionaryRead, s.dictionaryShow, false},
		{"GET", "/kamus/{id}/ekspor/{format}", policy.DictionaryRead, s.dictionaryExport, false},
		{"GET", "/kamus/{id}/versi", policy.DictionaryRead, s.frameworkVersions, false},
		{"POST", "/kamus/{id}/versi-baru", policy.DictionaryWrite, s.frameworkNewVersion, false},
		{"GET", "/kamus-draf", policy.DictionaryWrite, s.draftList, false},
		{"GET", "/kamus-draf/baru", policy.DictionaryWrite, s.draftNewForm, false},
		{"POST", "/kamus-draf/baru", policy.DictionaryWrite, s.draftCreate, false},
		{"GET", "/kamus-draf/{id}", policy.DictionaryWrite, s.draftShow, false},
		{"GET", "/kamus-draf/{id}/info", policy.DictionaryWrite, s.draftMetaForm, false},
		{"POST", "/kamus-draf/{id}/info", policy.DictionaryWrite, s.draftMetaSave, false},
		{"GET", "/kamus-draf/{id}/kompetensi", policy.DictionaryWrite, s.competencyForm, false},
		{"POST", "/kamus-draf/{id}/kompetensi", policy.DictionaryWrite, s.competencySave, false},
		{"POST", "/kamus-draf/{id}/kompetensi/hapus", policy.DictionaryWrite, s.competencyDelete, false},
		{"POST", "/kamus-draf/{id}/terbitkan", policy.DictionaryWrite, s.draftPublish, false},
		{"POST", "/kamus-draf/{id}/hapus", policy.DictionaryWrite, s.draftDiscard, false},

		{"GET", "/standar", policy.StandardWrite, s.standardsIndex, false},
		{"POST", "/standar/templat/bawaan", policy.StandardWrite, s.standardsSeed, false},
		{"POST", "/standar/terapkan", policy.StandardWrite, s.standardsApply, false},
		{"GET", "/standar/templat", policy.StandardWrite, s.templateForm, false},
		{"POST", "/standar/templat", policy.StandardWrite, s.templateSave, false},
		{"GET", "/jabatan/{id}/standar", policy.StandardRead, s.positionStandard, false},
		{"GET", "/jabatan/{id}/standar/ubah", policy.StandardWrite, s.positionStandardForm, false},
		{"POST", "/jabatan/{id}/standar/ubah", policy.StandardWrite, s.positionStandardSave, false},

		{"GET", "/siklus", policy.CycleRead, s.cycleList, false},
		{"GET", "/siklus/baru", policy.CycleManage, s.cycleNewForm, false},
		{"POST", "/siklus/baru", policy.CycleManage, s.cycleCreate, false},
		{"GET", "/siklus/{id}", policy.CycleRead, s.cycleShow, false},
		{"GET", "/siklus/{id}/ubah", policy.CycleManage, s.cycleEditForm, false},
		{"POST", "/siklus/{id}/ubah", policy.CycleManage, s.cycleUpdate, false},
		{"POST", "/siklus/{id}/tutup", policy.CycleManage, s.cycleClose, false},

		{"GET", "/penilaian", policy.AssessmentSelf, s.assessHome, false},
		{"POST", "/penilaian", policy.AssessmentSelf, s.assessSelf, false},
		{"GET", "/penilaian/{id}", policy.AssessmentRate, s.assessRateForm, false},
		{"POST", "/penilaian/{id}", policy.AssessmentRate, s.assessRate, false},
		{"POST", "/penilaian/bukti", policy.EvidenceSubmit, s.evidenceSubmit, false},
		{"GET", "/penilaian/bukti/{id}/berkas", policy.EvidenceRead, s.evidenceFile, false},
		{"POST", "/penilaian/bukti/{id}/tinjau", policy.EvidenceReview, s.evidenceReview, false},
		{"GET", "/penilaian/impor", policy.AssessmentImport, s.acImportForm, false},
		{"POST", "/penilaian/impor", policy.AssessmentImport, s.acImportUpload, false},
		{"POST", "/penilaian/impor/terapkan", policy.AssessmentImport, s.acImportApply, false},
		{"GET", "/talenta", policy.TalentRead, s.talentMap, false},

		{"GET", "/rencana", policy.PlanRead, s.myPlan, false},
		{"POST", "/rencana", policy.PlanPropose, s.proposeMine, false},
		{"POST", "/rencana/{id}/ajukan", policy.PlanPropose, s.planItemAction(s.planSubmit, "submitted"), false},
		{"POST", "/rencana/{id}/ubah", policy.PlanPropose, s.planItemAction(s.planChange, "changed"), false},
		{"POST", "/rencana/{id}/batal", policy.PlanPropose, s.planItemAction(s.planCancel, "cancelled"), false},
		{"GET", "/rencana/nominasi", policy.PlanNominate, s.nominateForm, false},
		{"POST", "/rencana/nominasi", policy.PlanNominate, s.nominate, false},
		{"GET", "/pegawai/{id}/rencana", policy.PlanRead, s.employeePlan, false},
		{"POST", "/pegawai/{id}/rencana", policy.PlanPropose, s.proposeFor, false},
		{"GET", "/persetujuan", policy.PlanDecide, s.approvals, false},
		{"GET", "/persetujuan/{id}", policy.PlanDecide, s.approvalItem, false},
		{"POST", "/persetujuan/{id}", policy.PlanDecide, s.approvalDecide, false},
		{"GET", "/analisis/rencana", policy.NeedsRead, s.planRollup, false},

		{"GET", "/analisis", policy.NeedsRead, s.needsPage, false},
		{"GET", "/analisis/orang", policy.NeedsRead, s.needPeoplePage, false},
		{"GET", "/analisis/kualifikasi", policy.NeedsRead, s.qualificationsPage, false},
		{"GET", "/analisis/ekspor.xlsx", policy.NeedsRead, s.needsExport, false},
		{"GET", "/analisis/ekspor.pdf", policy.NeedsRead, s.needsPDF, false},

		{"GET", "/kuesioner", policy.SurveyAnswer, s.surveyIndex, false},
		{"GET", "/kuesioner/baru", policy.SurveyManage, s.surveyNewForm, false},
		{"POST", "/kuesioner/baru", policy.SurveyManage, s.surveyCreate, false},
		{"GET", "/kuesioner/{id}", policy.SurveyAnswer, s.surveyAnswerForm, false},
		{"POST", "/kuesioner/{id}", policy.SurveyAnswer, s.surveyAnswer, false},
		{"GET", "/kuesioner/{id}/ubah", policy.SurveyManage, s.surveyEditForm, false},
		{"POST", "/kuesioner/{id}/ubah", policy.SurveyManage, s.surveyUpdate, false},
		{"POST", "/kuesioner/{id}/hapus", policy.SurveyManage, s.surveyDelete, false},
		{"POST", "/kuesioner/{id}/pertanyaan", policy.SurveyManage, s.surveyAddQuestion, false},
		{"POST", "/kuesioner/{id}/pertanyaan/{qid}/hapus", policy.SurveyManage, s.surveyDeleteQuestion, false},
		{"GET", "/kuesioner/{id}/hasil", policy.SurveyResults, s.surveyResults, false},

		{"GET", "/katalog", policy.CatalogueRead, s.catalogueList, false},
		{"GET", "/katalog/baru", policy.CatalogueManage, s.programmeNewForm, false},
		{"GET", "/katalog/impor", policy.ProviderManage, s.catalogueImportForm, false},
		{"POST", "/katalog/impor", policy.ProviderManage, s.catalogueImportUpload, false},
		{"POST", "/katalog/impor/terapkan", policy.ProviderManage, s.catalogueImportApply, false},
		{"GET", "/katalog/ekspor.csv", policy.CatalogueRead, s.catalogueExportCSV, false},
		{"GET", "/katalog/ekspor.xlsx", policy.CatalogueRead, s.catalogueExportXLSX, false},
		{"POST", "/katalog/baru", policy.CatalogueManage, s.programmeCreate, false},
		{"GET", "/katalog/{id}", policy.CatalogueRead, s.programmeShow, false},
		{"GET", "/katalog/{id}/ubah", policy.CatalogueManage, s.programmeEditForm, false},
		{"POST", "/katalog/{id}/ubah", policy.CatalogueManage, s.programmeUpdate, false},
		{"GET", "/katalog/{id}/angkatan/baru", policy.CatalogueManage, s.sessionNewForm, false},
		{"POST", "/katalog/{id}/angkatan/baru", policy.CatalogueManage, s.sessionCreate, false},
		{"GET", "/angkatan/{id}", policy.CatalogueRead, s.sessionShow, false},
		{"GET", "/angkatan/{id}/ubah", policy.CatalogueManage, s.sessionEditForm, false},
		{"POST", "/angkatan/{id}/ubah", policy.CatalogueManage, s.sessionUpdate, false},
		{"GET", "/kalender", policy.CatalogueRead, s.calendar, false},
		{"GET", "/mitra", policy.CatalogueRead, s.providerList, false},
		{"GET", "/mitra/baru", policy.ProviderManage, s.providerNewForm, false},
		{"POST", "/mitra/baru", policy.ProviderManage, s.providerCreate, false},
		{"GET", "/mitra/{id}", policy.CatalogueRead, s.providerShow, false},
		{"GET", "/mitra/{id}/ubah", policy.ProviderManage, s.providerEditForm, false},
		{"POST", "/mitra/{id}/ubah", policy.ProviderManage, s.providerUpdate, false},
		// Enrolment, attendance and completion (enrol.go, attendance.go, participants.go).
		{"GET", "/sesi-saya", policy.AttendanceCheckIn, s.mySessions, false},
		{"GET", "/angkatan/{id}/pendaftaran", policy.CatalogueRead, s.enrolPage, false},
		{"POST", "/angkatan/{id}/daftar", policy.PlanPropose, s.enrolSelf, false},
		{"POST", "/angkatan/{id}/daftarkan", policy.EnrolmentManage, s.enrolOther, false},
		{"POST", "/pendaftaran/{id}/batal", policy.PlanPropose, s.cancelPlace, false},
		{"GET", "/angkatan/{id}/peserta", policy.TrainingRun, s.participantsPage, false},
		{"POST", "/angkatan/{id}/peserta/selesai", policy.TrainingRun, s.completionSave, false},
		{"GET", "/angkatan/{id}/presensi", policy.TrainingRun, s.attendancePage, false},
		{"POST", "/angkatan/{id}/presensi", policy.TrainingRun, s.attendanceMark, false},
		{"GET", "/angkatan/{id}/presensi/qr.png", policy.TrainingRun, s.attendanceQR, false},
		{"GET", "/angkatan/{id}/presensi/daftar", policy.TrainingRun, s.attendanceList, false},
		{"GET", "/hadir", policy.AttendanceCheckIn, s.checkInPage, false},
		{"POST", "/hadir", policy.AttendanceCheckIn, s.checkInCode, false},
		{"POST", "/pegawai/{id}/perjanjian", policy.EmployeeWrite, s.agreementSave, false},
	}
}

// pattern is the ServeMux pattern of the route.
func (rt route) pattern() string {
	if rt.Method == "" {
		return rt.Pattern
	}
	return rt.Method + " " + rt.Pattern
}

// guarded wraps a route's handler with the router's check: a signed-in
// user (else the sign-in page for a GET, 401 otherwise) whose role the
// role × action table allows the route's action (else 403, the forbidden
// page, or the not-found page for a policy.Hidden action). What else an action needs (a unit subtree, something
// administered, the record in scope) the handler asks of the policy.
func (s *server) guarded(rt route) http.HandlerFunc {
	if rt.Action == policy.Public {
		return s.serve(rt.h)
	}
	return s.serve(func(w http.ResponseWriter, r *http.Request) error {
		p, err := s.user(r)
		if err != nil {
			return err
		}
		if !policy.PrincipalAllows(p, rt.Action) {
			if policy.Hidden(rt.Action) {
				return errNotPermitted
			}
			return errForbidden
		}
		return rt.h(w, r)
	})
}
