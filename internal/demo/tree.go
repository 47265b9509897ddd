package demo

import (
	"math"
	"strconv"
	"strings"

	"github.com/kompeten/kompeten/internal/model"
)

// The organisation tree of the demo city: the Sekretariat Daerah, the OPD
// with their bidang and seksi, schools, puskesmas, the hospital and the
// kecamatan with their kelurahan, each with its head post and staff.

func (b *builder) setda(root int64) {
	sd := b.unit(root, "OPD-SETDA", "Sekretariat Daerah", model.UnitOPD, catSkeleton)
	b.opdID["SETDA"] = sd
	b.head(sd, "Sekretaris Daerah", mSekda, fGov)
	for _, t := range stafAhli {
		b.position(sd, t, b.mgrProf(mJPTP, fGov), 0, flagSingle)
	}
	for i, a := range setdaSpec {
		code := "OPD-SETDA-AS" + strconv.Itoa(i+1)
		au := b.unit(sd, code, a.asisten, model.UnitBidang, catSkeleton)
		b.head(au, a.asisten, mJPTP, fGov)
		for j, bg := range a.bagian {
			bcode := code + "-BAG" + strconv.Itoa(j+1)
			bu := b.unit(au, bcode, bg[0], model.UnitBidang, catSkeleton)
			b.head(bu, "Kepala "+bg[0], mAdmin, fGov)
			b.staff(bu, a.fam[j], 1)
			for k, sb := range bg[1:] {
				su := b.unit(bu, bcode+"-SUB"+strconv.Itoa(k+1), sb, model.UnitSeksi, catSkeleton)
				b.head(su, "Kepala "+sb, mPengawas, fGov)
				b.staff(su, seksiStaff, 1)
			}
		}
	}
}

func (b *builder) opd(root int64, s *opdSpec) {
	mult := s.mult
	if mult == 0 {
		mult = 1
	}
	code := "OPD-" + s.code
	id := b.unit(root, code, s.name, model.UnitOPD, catSkeleton)
	b.opdID[s.code] = id
	title := s.head
	if title == "" {
		title = "Kepala Dinas"
		if s.kind == kindBadan {
			title = "Kepala Badan"
		}
	}
	b.head(id, title, mJPTP, s.field)
	if s.kind != kindSetwan {
		sek := b.unit(id, code+"-SEK", "Sekretariat", model.UnitBidang, catSkeleton)
		b.head(sek, "Sekretaris", mAdmin, fGen)
		for k, sb := range sekretariatSubbag {
			su := b.unit(sek, code+"-SEK-"+strconv.Itoa(k+1), sb, model.UnitSeksi, catSkeleton)
			b.head(su, "Kepala "+sb, mPengawas, fGen)
			b.staff(su, subbagStaff[k], mult)
		}
	}
	for i, bd := range s.bid {
		bcode := code + "-B" + strconv.Itoa(i+1)
		bu := b.unit(id, bcode, bd[0], model.UnitBidang, catSkeleton)
		ht := "Kepala " + bd[0]
		if s.kind == kindInsp {
			ht = bd[0]
		}
		b.head(bu, ht, mAdmin, s.field)
		b.staff(bu, s.fam, mult)
		for k, sn := range bd[1:] {
			su := b.unit(bu, bcode+"-S"+strconv.Itoa(k+1), sn, model.UnitSeksi, catSkeleton)
			b.head(su, "Kepala "+sn, mPengawas, s.field)
			b.staff(su, seksiStaff, mult)
		}
	}
	for _, u := range s.upt {
		uid := b.unit(id, "UPT-"+u.code, u.name, model.UnitUPT, catSkeleton)
		b.head(uid, "Kepala "+u.name, mPengawas, s.field)
		b.staff(uid, u.fam, 1)
	}
	switch s.code {
	case "DISDIKBUD":
		b.schools(id)
	case "DINKES":
		b.dinkesUPT(id)
	}
	for _, t := range scalableUPT {
		if t.opd != s.code {
			continue
		}
		n := b.scaled(catOfficeUPT, t.base, 1)
		for i := range n {
			name := t.prefix + kecamatan[(i*8+len(t.code))%len(kecamatan)].name
			if i >= len(kecamatan) {
				name += " " + strconv.Itoa(i/len(kecamatan)+1)
			}
			uid := b.unit(id, "UPT-"+t.code+"-"+pad(i+1, 3), name, model.UnitUPT, catOfficeUPT)
			b.head(uid, t.head, mPengawas, s.field)
			b.staff(uid, t.fam, vary(uid))
		}
	}
}

// sdNumber gives the i-th SD Negeri its registration number: six digits
// starting 06 as Medan's schools have, spread out, unique.
func sdNumber(i int) string {
	if i < 10000 {
		return pad(60000+(i*7919+843)%10000, 6)
	}
	return pad(100000+((i-10000)*7919)%900000, 6)
}

func (b *builder) schools(disdik int64) {
	nSD := b.scaled(catSchool, baseSD, 2)
	nSMP := b.scaled(catSchool, baseSMP, 1)
	for i := range nSD {
		num := sdNumber(i)
		id := b.unit(disdik, "UPT-SDN-"+num, "SD Negeri "+num+" Medan", model.UnitUPT, catSchool)
		b.principal(id)
		b.staff(id, sdStaff, vary(id))
	}
	for i := range nSMP {
		num := strconv.Itoa(i + 1)
		id := b.unit(disdik, "UPT-SMPN-"+num, "SMP Negeri "+num+" Medan", model.UnitUPT, catSchool)
		b.principal(id)
		b.staff(id, smpStaff, vary(id))
	}
}

// principal adds a school's head post: a Guru post flagged as the head of
// the school, since a kepala sekolah is a teacher with an additional duty
// (Permendikbudristek 40/2021), not a Pengawas post. The title tells it
// apart from the school's other Guru Ahli Madya posts.
func (b *builder) principal(school int64) {
	b.position(school, "Guru Ahli Madya (Kepala Sekolah)", b.famProf("guru", "ahli_madya"), 0, flagHead)
}

var extraSuffix = []string{"Baru", "Hilir", "Hulu", "Tengah", "Timur", "Barat", "Utara", "Selatan", "Indah", "Jaya"}

// variant names the k-th copy of a real place name (k=0: the name itself).
func variant(base string, k int) string {
	if k == 0 {
		return base
	}
	s := base + " " + extraSuffix[(k-1)%len(extraSuffix)]
	if r := (k - 1) / len(extraSuffix); r > 0 {
		s += " " + strconv.Itoa(r+1)
	}
	return s
}

func (b *builder) dinkesUPT(dinkes int64) {
	rs := b.unit(dinkes, "UPT-RSUD-BACHTIARDJAFAR", "RSUD Dr. Bachtiar Djafar", model.UnitUPT, catRSUD)
	b.head(rs, "Direktur", mAdmin, fDoctor)
	b.staff(rs, []string{"dokter:3", "dokter_sp:4", "dokter_gigi:0.5", "perawat:25", "bidan:5", "apoteker:1", "asisten_apoteker:2",
		"pralab:2", "radiografer:1", "perekam_medis:2", "nutrisionis:1", "=Pengadministrasi Perkantoran:3", "=Operator Layanan Operasional:1"}, 1)
	n := b.scaled(catPKM, len(puskesmas), 1)
	for i := range n {
		name := variant(puskesmas[i%len(puskesmas)], i/len(puskesmas))
		id := b.unit(dinkes, "UPT-PKM-"+pad(i+1, 3), "Puskesmas "+name, model.UnitUPT, catPKM)
		f := fDoctor
		if i%3 == 2 {
			f = fKesmas
		}
		b.head(id, "Kepala Puskesmas", mKapus, f)
		b.staff(id, pkmStaff, vary(id))
	}
}

func (b *builder) rsud(root int64) {
	r := b.unit(root, "OPD-RSUDPIRNGADI", "Rumah Sakit Umum Daerah Dr. Pirngadi", model.UnitOPD, catRSUD)
	b.head(r, "Direktur", mJPTP, fDoctor)
	for i, bg := range rsudBagian {
		code := "OPD-RSUDPIRNGADI-B" + strconv.Itoa(i+1)
		bu := b.unit(r, code, bg[0], model.UnitBidang, catRSUD)
		f := fKesmas
		if i < 2 {
			f = fGen
		}
		b.head(bu, "Kepala "+bg[0], mAdmin, f)
		for k, sn := range bg[1:] {
			su := b.unit(bu, code+"-S"+strconv.Itoa(k+1), sn, model.UnitSeksi, catRSUD)
			b.head(su, "Kepala "+sn, mPengawas, f)
			b.staff(su, seksiStaff, 1)
		}
	}
	for i, in := range rsudInstalasi {
		iu := b.unit(r, "OPD-RSUDPIRNGADI-INST"+strconv.Itoa(i+1), in.name, model.UnitKindOthers, catRSUD)
		b.staff(iu, in.fam, 1)
	}
}

func (b *builder) kecamatan(root int64) {
	base := 0
	for _, k := range kecamatan {
		base += len(k.kel)
	}
	total := b.scaled(catKel, base, base)
	ratio := float64(total) / float64(base)
	for _, k := range kecamatan {
		code := "KEC-" + strings.ToUpper(strings.ReplaceAll(strings.TrimPrefix(k.name, "Medan "), " ", ""))
		kid := b.unit(root, code, "Kecamatan "+k.name, model.UnitOPD, catKec)
		b.head(kid, "Camat", mAdmin, fGov)
		sek := b.unit(kid, code+"-SEK", "Sekretariat Kecamatan", model.UnitBidang, catKec)
		b.head(sek, "Sekretaris Camat", mAdmin, fGov)
		for j, sb := range []string{"Subbagian Umum dan Kepegawaian", "Subbagian Perencanaan dan Keuangan"} {
			su := b.unit(sek, code+"-SEK-"+strconv.Itoa(j+1), sb, model.UnitSeksi, catKec)
			b.head(su, "Kepala "+sb, mPengawas, fGov)
			b.staff(su, kecSubStaff, 1)
		}
		for j, sn := range kecSeksi {
			su := b.unit(kid, code+"-S"+strconv.Itoa(j+1), sn, model.UnitSeksi, catKec)
			b.head(su, "Kepala "+sn, mPengawas, fGov)
			b.staff(su, kecSekStaff, 1)
		}
		n := max(len(k.kel), int(math.Round(float64(len(k.kel))*ratio)))
		for j := range n {
			name := variant(k.kel[j%len(k.kel)], j/len(k.kel))
			ku := b.unit(kid, code+"-KEL-"+pad(j+1, 3), "Kelurahan "+name, model.UnitKelurahan, catKel)
			b.head(ku, "Lurah", mPengawas, fGov)
			b.position(ku, "Sekretaris Lurah", b.mgrProf(mSekLurah, fGov), 0, flagSingle)
			b.staff(ku, kelStaff, vary(ku))
		}
	}
}
