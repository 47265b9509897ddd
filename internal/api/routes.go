package api

import (
	"net/http"

	"github.com/kompeten/kompeten/internal/policy"
)

// route is one row of the API's route table: the method, the path
// relative to Prefix as openapi.yaml writes it ("/units/{id}"), the policy
// action the router checks (policy.Allowed) before the handler runs, and
// the handler. Handlers keep their record-level checks (policy.May and the
// scopes on the principal). A policy.Public route needs no token and its
// handler gets a nil principal.
type route struct {
	Method string
	Path   string
	Action policy.Action
	h      handlerFunc
}

// Auth reports whether the route needs a token.
func (r route) Auth() bool { return r.Action != policy.Public }

// routeTable is every route of the API, the one list the router is built
// from (newAPI) and the tests walk (the OpenAPI check, the route × role
// matrix). A new route goes here with its action.
func (a *API) routeTable() []route {
	return []route{
		{"GET", "/openapi.yaml", policy.Public, func(w http.ResponseWriter, r *http.Request, _ *policy.Principal) error {
			a.openAPI(w, r)
			return nil
		}},
		{"GET", "/me", policy.Session, a.me},
		{"GET", "/me/data", policy.Session, a.myData},
		{"GET", "/me/views", policy.Session, a.myViews},
		{"GET", "/me/contests", policy.Session, a.myContests},
		{"GET", "/me/enrolments", policy.Session, a.myEnrolments},
		{"POST", "/me/contests", policy.Session, a.createMyContest},
		{"GET", "/me/notifications", policy.NoticeRead, a.myNotifications},
		{"POST", "/me/notifications/{id}/read", policy.NoticeRead, a.readNotification},
		{"GET", "/me/notification-preferences", policy.NoticeRead, a.myNoticePrefs},
		{"PUT", "/me/notification-preferences", policy.NoticeRead, a.putNoticePrefs},
		{"GET", "/contests", policy.EmployeeWrite, a.listContests},
		{"POST", "/contests/{id}/answer", policy.EmployeeWrite, a.answerContest},

		{"GET", "/settings", policy.SettingsManage, a.getSettings},
		{"PUT", "/settings", policy.SettingsManage, a.putSettings},

		{"GET", "/units", policy.OrgRead, a.listUnits},
		{"POST", "/units", policy.OrgWrite, a.createUnit},
		{"GET", "/units/{id}", policy.OrgRead, a.getUnit},
		{"PUT", "/units/{id}", policy.OrgWrite, a.updateUnit},

		{"GET", "/positions", policy.OrgRead, a.listPositions},
		{"POST", "/positions", policy.OrgWrite, a.createPosition},
		{"GET", "/positions/{id}", policy.OrgRead, a.getPosition},
		{"PUT", "/positions/{id}", policy.OrgWrite, a.updatePosition},

		{"GET", "/me/plan", policy.PlanRead, a.myPlan},
		{"GET", "/employees/{id}/plan", policy.PlanRead, a.employeePlan},
		{"POST", "/plan-items", policy.PlanPropose, a.createPlanItem},
		{"GET", "/plan-items/{id}", policy.PlanRead, a.getPlanItem},
		{"PUT", "/plan-items/{id}", policy.PlanPropose, a.updatePlanItem},
		{"POST", "/plan-items/{id}/submit", policy.PlanPropose, a.submitPlanItem},
		{"POST", "/plan-items/{id}/decision", policy.PlanDecide, a.decidePlanItem},
		{"GET", "/approvals", policy.PlanDecide, a.approvals},
		{"POST", "/nominations", policy.PlanNominate, a.nominate},
		{"GET", "/plan-rollup", policy.NeedsRead, a.planRollup},
		{"GET", "/acting", policy.OrgWrite, a.listActing},
		{"POST", "/acting", policy.OrgWrite, a.createActing},
		{"POST", "/acting/{id}/end", policy.OrgWrite, a.endActing},

		{"POST", "/provider-accounts", policy.ProviderManage, a.createProviderAccount},
		{"GET", "/providers/{id}/accounts", policy.ProviderManage, a.listProviderAccounts},

		{"GET", "/employees", policy.RegistryRead, a.listEmployees},
		{"POST", "/employees", policy.EmployeeWrite, a.createEmployee},
		{"GET", "/employees/by-nip/{nip}", policy.RegistryRead, a.employeeByNIP},
		{"GET", "/employees/{id}", policy.RegistryRead, a.getEmployee},
		{"PUT", "/employees/{id}", policy.EmployeeWrite, a.updateEmployee},
		{"GET", "/employees/{id}/education", policy.RegistryRead, a.employeeEducation},

		{"GET", "/frameworks", policy.DictionaryRead, a.listFrameworks},
		{"GET", "/frameworks/{id}", policy.DictionaryRead, a.getFramework},
		{"GET", "/frameworks/{id}/versions", policy.DictionaryRead, a.frameworkVersions},
		{"GET", "/positions/{id}/standard", policy.StandardRead, a.getStandard},
		{"PUT", "/positions/{id}/standard", policy.StandardWrite, a.putStandard},

		{"GET", "/employees/{id}/competencies", policy.CompetencyRead, a.employeeCompetencies},
		{"GET", "/employees/{id}/target-position", policy.CompetencyRead, a.getTargetPosition},
		{"PUT", "/employees/{id}/target-position", policy.EmployeeWrite, a.putTargetPosition},
		{"POST", "/ratings", policy.AssessmentRate, a.createRating},

		{"GET", "/needs", policy.NeedsRead, a.needs},
		{"GET", "/talent", policy.TalentRead, a.talent},
		{"GET", "/qualifications", policy.NeedsRead, a.qualifications},

		{"GET", "/cycles", policy.CycleRead, a.listCycles},
		{"POST", "/cycles", policy.CycleManage, a.createCycle},
		{"GET", "/cycles/{id}", policy.CycleRead, a.getCycle},
		{"POST", "/cycles/{id}/close", policy.CycleManage, a.closeCycle},
		{"GET", "/providers", policy.CatalogueRead, a.listProviders},
		{"POST", "/providers", policy.ProviderManage, a.createProvider},
		{"GET", "/providers/{id}", policy.CatalogueRead, a.getProvider},
		{"PUT", "/providers/{id}", policy.ProviderManage, a.updateProvider},
		{"GET", "/programmes", policy.CatalogueRead, a.listProgrammes},
		{"POST", "/programmes", policy.CatalogueManage, a.createProgramme},
		{"GET", "/programmes/{id}", policy.CatalogueRead, a.getProgramme},
		{"PUT", "/programmes/{id}", policy.CatalogueManage, a.updateProgramme},
		{"GET", "/programmes/{id}/sessions", policy.CatalogueRead, a.programmeSessions},
		{"POST", "/programmes/{id}/sessions", policy.CatalogueManage, a.createSession},
		{"GET", "/sessions", policy.CatalogueRead, a.listSessions},
		{"GET", "/sessions/{id}", policy.CatalogueRead, a.getSession},
		{"PUT", "/sessions/{id}", policy.CatalogueManage, a.updateSession},

		{"GET", "/surveys", policy.SurveyAnswer, a.listSurveys},
		{"GET", "/surveys/{id}/results", policy.SurveyResults, a.surveyResults},

		{"GET", "/employees/{id}/penalties", policy.PenaltyRead, a.listPenalties},
		{"POST", "/employees/{id}/penalties", policy.PenaltyWrite, a.createPenalty},

		// Enrolment, attendance, completion and PPPK agreements (enrolment.go).
		{"GET", "/sessions/{id}/enrolments", policy.TrainingRun, a.listEnrolments},
		{"POST", "/sessions/{id}/enrolments", policy.EnrolmentManage, a.createEnrolment},
		{"POST", "/enrolments/{id}/cancel", policy.PlanPropose, a.cancelEnrolment},
		{"POST", "/enrolments/{id}/completion", policy.TrainingRun, a.recordCompletion},
		{"GET", "/sessions/{id}/attendance", policy.TrainingRun, a.listAttendance},
		{"POST", "/sessions/{id}/attendance", policy.TrainingRun, a.markAttendance},
		{"POST", "/attendance/check-in", policy.AttendanceCheckIn, a.checkIn},
		{"GET", "/employees/{id}/agreement", policy.RegistryRead, a.getAgreement},
		{"PUT", "/employees/{id}/agreement", policy.EmployeeWrite, a.putAgreement},
	}
}
