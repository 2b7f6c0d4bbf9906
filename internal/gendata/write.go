package gendata

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// Write writes the site into dir: data/indicators.csv, data/units.csv,
// data/targets.csv, data/snapshots/<period>.csv and hugo.toml. It refuses
// a dir that already has data/ or hugo.toml, so that snapshots of an
// earlier run are never mixed with the new ones.
func (s *Site) Write(dir string) error {
	for _, name := range []string{"data", "hugo.toml"} {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return fmt.Errorf("%s already has %s: write into a new or empty folder", dir, name)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "data", "snapshots"), 0o755); err != nil {
		return err
	}
	file := func(name string) string { return filepath.Join(dir, "data", filepath.FromSlash(name)) }
	err := writeCSV(file("indicators.csv"), []string{"code", "group", "name_vi", "name_en", "unit", "direction", "definition_vi", "definition_en", "source_vi", "source_en"},
		func(w *csv.Writer) error {
			for _, ind := range s.Indicators {
				if err := w.Write([]string{ind.Code, ind.Group, ind.NameVI, ind.NameEN, ind.Measure, ind.Direction, ind.DefinitionVI, ind.DefinitionEN, sourceVI, sourceEN}); err != nil {
					return err
				}
			}
			return nil
		})
	if err != nil {
		return err
	}
	err = writeCSV(file("units.csv"), []string{"code", "name_vi", "name_en", "kind", "parent"}, func(w *csv.Writer) error {
		for _, u := range s.Units {
			if err := w.Write([]string{u.Code, u.NameVI, u.NameEN, u.Kind, u.Parent}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = writeCSV(file("targets.csv"), []string{"indicator", "unit", "year", "value", "basis_vi", "basis_en"}, func(w *csv.Writer) error {
		for _, t := range s.Targets {
			if err := w.Write([]string{t.Indicator, t.Unit, strconv.Itoa(t.Year), strconv.FormatFloat(t.Value, 'f', -1, 64), t.BasisVI, t.BasisEN}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for p, per := range s.Periods {
		err := writeCSV(file("snapshots/"+per+".csv"), []string{"unit", "indicator", "value", "numerator", "denominator", "note", "source"}, func(w *csv.Writer) error {
			row := make([]string, 7)
			for r, u := range s.reporters {
				unit := &s.Units[u]
				for i := range s.Indicators {
					c := s.cell(p, r, i)
					row[0], row[1] = unit.Code, s.Indicators[i].Code
					row[2], row[3], row[4] = "", "", ""
					row[5], row[6] = "", unit.office
					switch {
					case c.form == formMissing:
						row[5] = noteMissing
					case c.den > 0:
						if c.form == formAll {
							row[2] = c.percent()
						}
						row[3], row[4] = strconv.Itoa(int(c.num)), strconv.Itoa(int(c.den))
					default:
						row[2] = s.format(i, c)
					}
					if c.estimate {
						row[5] = noteEstimate
					}
					if err := w.Write(row); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte(s.config()), 0o644)
}

// percent is 100 × numerator ÷ denominator with two decimals, as
// gen_data.py writes it: within 0.005 of the ratio, well inside the 0.05
// minhbach allows.
func (c *cell) percent() string {
	return strconv.FormatFloat(100*float64(c.num)/float64(c.den), 'f', 2, 64)
}

// format writes the value of a count or number.
func (s *Site) format(i int, c *cell) string {
	if s.Indicators[i].Measure == "number" {
		return strconv.FormatFloat(c.value, 'f', 1, 64)
	}
	return strconv.FormatFloat(c.value, 'f', 0, 64)
}

// config is hugo.toml: a title per language, and a notice on every page
// that the figures are synthetic.
func (s *Site) config() string {
	vi, en := "Chính quyền số huyện Mô Phỏng", "Mô Phỏng district digital government"
	if s.Options.Size == SizeNational {
		vi, en = "Chính quyền số Việt Nam (mô phỏng)", "Viet Nam digital government (synthetic)"
	}
	return fmt.Sprintf(`# A synthetic site written by minhbach's gendata: size %s, seed %d, %d quarters.
# Every figure is random, and the decisions named in data/targets.csv are invented.

[languages.vi]
title = %q
[languages.vi.params]
notice = "Số liệu mô phỏng, sinh ngẫu nhiên để đo hiệu năng; không phải số liệu thật."

[languages.en]
title = %q
[languages.en.params]
notice = "Synthetic figures, generated at random for benchmarks; not real data."
`, s.Options.Size, s.Options.Seed, len(s.Periods), vi, en)
}

// WritePerf writes the same figures into dir in the long format of the
// plain-Hugo benchmark (gen_data.py's): observations.csv (period,
// unit_code, indicator_code, value, numerator, denominator; one row per
// figure given, in indicator, unit, period order; value always filled,
// numerator and denominator only for percents), indicators.csv (code,
// name_vi, name_en, unit, target; unit "%" for percents as gen_data.py
// writes it, target the first for every unit, or empty) and units.csv
// (code, name_vi, kind).
func (s *Site) WritePerf(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	err := writeCSV(filepath.Join(dir, "indicators.csv"), []string{"code", "name_vi", "name_en", "unit", "target"}, func(w *csv.Writer) error {
		for _, ind := range s.Indicators {
			unit, target := ind.Measure, ""
			if unit == "percent" {
				unit = "%"
			}
			for _, t := range s.Targets {
				if t.Indicator == ind.Code && t.Unit == "*" {
					target = strconv.FormatFloat(t.Value, 'f', -1, 64)
					break
				}
			}
			if err := w.Write([]string{ind.Code, ind.NameVI, ind.NameEN, unit, target}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = writeCSV(filepath.Join(dir, "units.csv"), []string{"code", "name_vi", "kind"}, func(w *csv.Writer) error {
		for _, u := range s.Units {
			if err := w.Write([]string{u.Code, u.NameVI, u.Kind}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	return writeCSV(filepath.Join(dir, "observations.csv"), []string{"period", "unit_code", "indicator_code", "value", "numerator", "denominator"}, func(w *csv.Writer) error {
		row := make([]string, 6)
		for i, ind := range s.Indicators {
			for r, u := range s.reporters {
				for p, per := range s.Periods {
					c := s.cell(p, r, i)
					if c.form == formMissing {
						continue
					}
					row[0], row[1], row[2] = per, s.Units[u].Code, ind.Code
					if c.den > 0 {
						row[3], row[4], row[5] = c.percent(), strconv.Itoa(int(c.num)), strconv.Itoa(int(c.den))
					} else {
						row[3], row[4], row[5] = s.format(i, c), "", ""
					}
					if err := w.Write(row); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
}

// writeCSV writes a UTF-8 CSV file with LF line ends: the header, then
// what rows writes.
func writeCSV(name string, header []string, rows func(*csv.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	b := bufio.NewWriterSize(f, 1<<16)
	w := csv.NewWriter(b)
	err = w.Write(header)
	if err == nil {
		err = rows(w)
	}
	if err == nil {
		w.Flush()
		err = w.Error()
	}
	if err == nil {
		err = b.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
