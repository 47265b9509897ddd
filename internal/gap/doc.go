// Package gap compares an employee's competency levels with the standard of
// a position (domain.md §2–§3): the gap per competency, the Job Person Match
// (JPM) percentage with its two category scales, the weighted shortfall used
// by the needs analysis (AKPK), and the 9-box talent placement.
//
// Everything here is pure arithmetic on values the caller supplies: no
// database, no I/O, no clock. Percentages are Fixed (integer hundredths of a
// percent, rounded half up) so that the same inputs give the same digits on
// every machine and the UI can show exactly the number the rule compared.
//
// Choices that domain.md leaves open, and which this package makes:
//
//   - JPM is computed twice: raw (Σ actual ÷ Σ required, may exceed 100 %)
//     and capped (each competency's actual level capped at its requirement
//     before summing, so at most 100 %). Categories come from the capped
//     value unless Thresholds.UseRaw is set, because a surplus in one
//     competency should not hide a shortfall in another.
//   - A competency of the standard that has not been assessed is unknown,
//     never level 0 (domain.md §4): it adds to no sum and has no gap. JPM is
//     computed over the assessed competencies only and is provisional
//     ("sementara") until all are assessed; only a complete assessment gets
//     a category and a 9-box box. Counting the missing ones as 0 put
//     never-assessed employees, the Sekda among them, in "Kurang Optimal".
//   - Categories compare the rounded (displayed) JPM, so the UI never shows
//     "90,00 %" next to a category that needs 90 %.
package gap
