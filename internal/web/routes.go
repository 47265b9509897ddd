package web

import (
	"net/http"

	"github.com/kompeten/kompeten/internal/policy"
)

// route is one row of the web UI's route table: method and ServeMux
// pattern, the policy action the router checks before the handler runs,
// and the handler. Bare routes (health check, static files) are served
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
		{"GET", "/healthz", public, legacy(s.healthz), true},
		{"GET", "/static/", public, legacy(s.static), true},
		{"GET", "/favicon.ico", public, legacy(s.favicon), true},
		{"GET", "/masuk", public, s.loginForm, false},
		{"POST", "/masuk", public, s.login, false},
		{"POST", "/keluar", public, s.logout, false},
		{"POST", "/bahasa", public, s.setLang, false},
		{"", "/", public, s.notFoundPage, false}, // everything else: the not-found page

		{"GET", "/{$}", session, s.home, false},
		{"GET", "/akun-saya", session, s.myAccount, false},
		{"POST", "/akun-saya/sandi", session, s.changePassword, false},
		{"POST", "/akun-saya/sesi/akhiri", session, s.endSession, false},
		{"POST", "/akun-saya/token", session, s.createToken, false},
		{"POST", "/akun-saya/token/cabut", session, s.revokeToken, false},
		{"GET", "/organisasi", policy.RegistryRead, s.orgRoot, false},
		{"GET", "/organisasi/{id}", policy.RegistryRead, s.orgUnit, false},
		{"GET", "/pegawai", policy.RegistryRead, s.employeeList, false},
		{"GET", "/pegawai/baru", policy.EmployeeWrite, legacy(s.employeeNewForm), false},
		{"POST", "/pegawai/baru", policy.EmployeeWrite, legacy(s.employeeCreate), false},
		{"GET", "/pegawai/{id}", policy.RegistryRead, s.employeeShow, false},
		{"GET", "/pegawai/{id}/ubah", policy.EmployeeWrite, legacy(s.employeeEditForm), false},
		{"POST", "/pegawai/{id}/ubah", policy.EmployeeWrite, legacy(s.employeeUpdate), false},
		{"POST", "/pegawai/{id}/akun/aktifkan", policy.AccountManage, s.accountActivate, false},
		{"POST", "/pegawai/{id}/akun/reset", policy.AccountManage, s.accountReset, false},
		{"POST", "/pegawai/{id}/disiplin", policy.PenaltyWrite, legacy(s.penaltyAdd), false},
		{"POST", "/pegawai/{id}/disiplin/{pid}/cabut", policy.PenaltyWrite, legacy(s.penaltyRevoke), false},
		{"POST", "/pegawai/{id}/kinerja", policy.PerformanceWrite, s.performanceSet, false},
		{"GET", "/pegawai/{id}/profil.pdf", policy.CompetencyRead, legacy(s.profilePDF), false},
		{"GET", "/impor", policy.EmployeeImport, legacy(s.importForm), false},
		{"POST", "/impor", policy.EmployeeImport, legacy(s.importUpload), false},
		{"POST", "/impor/terapkan", policy.EmployeeImport, legacy(s.importApply), false},
		{"GET", "/ekspor/pegawai.csv", policy.EmployeeImport, s.exportCSV, false},
		{"GET", "/ekspor/pegawai.xlsx", policy.EmployeeImport, s.exportXLSX, false},
		{"GET", "/akun", policy.AccountManage, s.accountList, false},
		{"POST", "/akun/{id}", policy.AccountManage, s.accountUpdate, false},
		{"GET", "/audit", policy.AuditRead, s.auditLog, false},

		{"GET", "/kamus", policy.DictionaryRead, legacy(s.dictionaryList), false},
		{"POST", "/kamus/impor", policy.DictionaryImport, legacy(s.dictionaryUpload), false},
		{"POST", "/kamus/impor/terapkan", policy.DictionaryImport, legacy(s.dictionaryApply), false},
		{"GET", "/kamus/{id}", policy.DictionaryRead, legacy(s.dictionaryShow), false},
		{"GET", "/kamus/{id}/ekspor/{format}", policy.DictionaryRead, legacy(s.dictionaryExport), false},
		{"GET", "/kamus/{id}/versi", policy.DictionaryRead, legacy(s.frameworkVersions), false},
		{"POST", "/kamus/{id}/versi-baru", policy.DictionaryWrite, legacy(s.frameworkNewVersion), false},
		{"GET", "/kamus-draf", policy.DictionaryWrite, legacy(s.draftList), false},
		{"GET", "/kamus-draf/baru", policy.DictionaryWrite, legacy(s.draftNewForm), false},
		{"POST", "/kamus-draf/baru", policy.DictionaryWrite, legacy(s.draftCreate), false},
		{"GET", "/kamus-draf/{id}", policy.DictionaryWrite, legacy(s.draftShow), false},
		{"GET", "/kamus-draf/{id}/info", policy.DictionaryWrite, legacy(s.draftMetaForm), false},
		{"POST", "/kamus-draf/{id}/info", policy.DictionaryWrite, legacy(s.draftMetaSave), false},
		{"GET", "/kamus-draf/{id}/kompetensi", policy.DictionaryWrite, legacy(s.competencyForm), false},
		{"POST", "/kamus-draf/{id}/kompetensi", policy.DictionaryWrite, legacy(s.competencySave), false},
		{"POST", "/kamus-draf/{id}/kompetensi/hapus", policy.DictionaryWrite, legacy(s.competencyDelete), false},
		{"POST", "/kamus-draf/{id}/terbitkan", policy.DictionaryWrite, legacy(s.draftPublish), false},
		{"POST", "/kamus-draf/{id}/hapus", policy.DictionaryWrite, legacy(s.draftDiscard), false},

		{"GET", "/standar", policy.StandardWrite, legacy(s.standardsIndex), false},
		{"POST", "/standar/templat/bawaan", policy.StandardWrite, legacy(s.standardsSeed), false},
		{"POST", "/standar/terapkan", policy.StandardWrite, legacy(s.standardsApply), false},
		{"GET", "/standar/templat", policy.StandardWrite, legacy(s.templateForm), false},
		{"POST", "/standar/templat", policy.StandardWrite, legacy(s.templateSave), false},
		{"GET", "/jabatan/{id}/standar", policy.StandardRead, legacy(s.positionStandard), false},
		{"GET", "/jabatan/{id}/standar/ubah", policy.StandardWrite, legacy(s.positionStandardForm), false},
		{"POST", "/jabatan/{id}/standar/ubah", policy.StandardWrite, legacy(s.positionStandardSave), false},

		{"GET", "/siklus", policy.CycleRead, s.cycleList, false},
		{"GET", "/siklus/baru", policy.CycleManage, s.cycleNewForm, false},
		{"POST", "/siklus/baru", policy.CycleManage, s.cycleCreate, false},
		{"GET", "/siklus/{id}", policy.CycleRead, s.cycleShow, false},
		{"GET", "/siklus/{id}/ubah", policy.CycleManage, s.cycleEditForm, false},
		{"POST", "/siklus/{id}/ubah", policy.CycleManage, s.cycleUpdate, false},
		{"POST", "/siklus/{id}/tutup", policy.CycleManage, s.cycleClose, false},

		{"GET", "/penilaian", policy.AssessmentSelf, legacy(s.assessHome), false},
		{"POST", "/penilaian", policy.AssessmentSelf, legacy(s.assessSelf), false},
		{"GET", "/penilaian/{id}", policy.AssessmentRate, legacy(s.assessRateForm), false},
		{"POST", "/penilaian/{id}", policy.AssessmentRate, legacy(s.assessRate), false},
		{"POST", "/penilaian/bukti", policy.EvidenceSubmit, legacy(s.evidenceSubmit), false},
		{"GET", "/penilaian/bukti/{id}/berkas", policy.EvidenceRead, legacy(s.evidenceFile), false},
		{"POST", "/penilaian/bukti/{id}/tinjau", policy.EvidenceReview, legacy(s.evidenceReview), false},
		{"GET", "/penilaian/impor", policy.AssessmentImport, legacy(s.acImportForm), false},
		{"POST", "/penilaian/impor", policy.AssessmentImport, legacy(s.acImportUpload), false},
		{"POST", "/penilaian/impor/terapkan", policy.AssessmentImport, legacy(s.acImportApply), false},
		{"GET", "/talenta", policy.TalentRead, s.talentMap, false},

		{"GET", "/analisis", policy.NeedsRead, legacy(s.needsPage), false},
		{"GET", "/analisis/orang", policy.NeedsRead, legacy(s.needPeoplePage), false},
		{"GET", "/analisis/ekspor.xlsx", policy.NeedsRead, legacy(s.needsExport), false},
		{"GET", "/analisis/ekspor.pdf", policy.NeedsRead, legacy(s.needsPDF), false},

		{"GET", "/kuesioner", policy.SurveyAnswer, legacy(s.surveyIndex), false},
		{"GET", "/kuesioner/baru", policy.SurveyManage, legacy(s.surveyNewForm), false},
		{"POST", "/kuesioner/baru", policy.SurveyManage, legacy(s.surveyCreate), false},
		{"GET", "/kuesioner/{id}", policy.SurveyAnswer, legacy(s.surveyAnswerForm), false},
		{"POST", "/kuesioner/{id}", policy.SurveyAnswer, legacy(s.surveyAnswer), false},
		{"GET", "/kuesioner/{id}/ubah", policy.SurveyManage, legacy(s.surveyEditForm), false},
		{"POST", "/kuesioner/{id}/ubah", policy.SurveyManage, legacy(s.surveyUpdate), false},
		{"POST", "/kuesioner/{id}/hapus", policy.SurveyManage, legacy(s.surveyDelete), false},
		{"POST", "/kuesioner/{id}/pertanyaan", policy.SurveyManage, legacy(s.surveyAddQuestion), false},
		{"POST", "/kuesioner/{id}/pertanyaan/{qid}/hapus", policy.SurveyManage, legacy(s.surveyDeleteQuestion), false},
		{"GET", "/kuesioner/{id}/hasil", policy.SurveyResults, legacy(s.surveyResults), false},
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
		if !policy.RoleAllows(p.User.Role, rt.Action) {
			if policy.Hidden(rt.Action) {
				return errNotPermitted
			}
			return errForbidden
		}
		return rt.h(w, r)
	})
}
