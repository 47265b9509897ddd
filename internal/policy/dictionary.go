package policy

import "github.com/kompeten/kompeten/internal/model"

// MayEditFramework reports whether an administrator who administers admin
// (Principal.Admin) may edit a framework owned by the unit at ownerPath
// ("" for a framework without an owner unit, which is BKPSDM's): its
// drafts, and giving a draft that owner. An administrator of the whole
// government edits every framework; a unit admin those owned by a unit in
// their subtree. It is the record rule of DictionaryWrite.
func MayEditFramework(admin model.Scope, ownerPath string) bool {
	return admin.Contains(ownerPath)
}

// MayVersionFramework reports whether admin may start a new version of a
// published framework: one they may edit, never a built-in one (those are
// read-only).
func MayVersionFramework(admin model.Scope, builtIn bool, ownerPath string) bool {
	return !builtIn && MayEditFramework(admin, ownerPath)
}
