package apperr

import "net/http"

// HTTPStatus maps an error code to its HTTP status: the one table both the
// JSON API and the HTML UI use (the UI answers an invalid form with 400,
// see web.statusOf).
func HTTPStatus(code string) int {
	switch code {
	case EINVALID:
		return http.StatusUnprocessableEntity
	case ENOTFOUND:
		return http.StatusNotFound
	case ECONFLICT:
		return http.StatusConflict
	case EUNAUTHORIZED:
		return http.StatusUnauthorized
	case EFORBIDDEN:
		return http.StatusForbidden
	case ETOOMANY:
		return http.StatusTooManyRequests
	case "":
		return http.StatusOK
	}
	return http.StatusInternalServerError
}
