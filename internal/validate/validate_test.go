package validate_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/minhbach/minhbach/internal/diag"
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/period"
	"github.com/minhbach/minhbach/internal/validate"
)

var columns = map[string][]string{
	"data/indicators.csv": {"code", "group", "name_vi", "name_en", "unit", "direction", "definition_vi", "definition_en", "source_vi", "source_en"},
	"data/units.csv":      {"code", "name_vi", "name_en", "kind", "parent"},
	"data/targets.csv":    {"indicator", "unit", "year", "value", "basis_vi", "basis_en"},
}

var snapColumns = []string{"unit", "indicator", "value", "numerator", "denominator", "note", "source"}

// at places a record on line of file, its i-th column at character 10i+1,
// so that every expected message shows which cell it points at.
func at(file string, line int) diag.Origin {
	cols, ok := columns[file]
	if !ok {
		cols = snapColumns
	}
	cells := make([]diag.Place, len(cols))
	for i := range cols {
		cells[i] = diag.Place{Line: line, Column: 10*i + 1}
	}
	return diag.NewColumns(file, cols...).Origin(line, cells...)
}

func f(v float64) *float64 { return &v }

const q4 = "data/snapshots/2024-Q4.csv"

func obs(line int, unit, ind string, v, num, den *float64) model.Observation {
	return model.Observation{Period: period.MustParse("2024-Q4"), Unit: unit, Indicator: ind, Value: v, Numerator: num, Denominator: den, At: at(q4, line)}
}

// base is a valid dataset; each test case changes one thing in it.
func base() *model.Dataset {
	ind := func(line int, code string, m model.Measure, d model.Direction) model.Indicator {
		return model.Indicator{Code: code, Group: "ha-tang", Name: model.Text{VI: "Tên " + code}, Measure: m, Direction: d, At: at("data/indicators.csv", line)}
	}
	unit := func(line int, code, parent string) model.Unit {
		return model.Unit{Code: code, Name: model.Text{VI: "Đơn vị " + code}, Kind: "commune", Parent: parent, At: at("data/units.csv", line)}
	}
	return &model.Dataset{
		Indicators: []model.Indicator{ind(2, "P1", model.Percent, model.Up), ind(3, "C1", model.Count, model.Down), ind(4, "N1", model.Number, model.Up)},
		Units:      []model.Unit{unit(2, "D", ""), unit(3, "X1", "D"), unit(4, "X2", "D")},
		Targets: []model.Target{{Indicator: "P1", Unit: model.AllUnits, Year: 2025, Value: 100,
			Basis: model.Text{VI: "Quyết định 942/QĐ-TTg"}, At: at("data/targets.csv", 2)}},
		Snapshots: []model.Snapshot{{Period: period.MustParse("2024-Q4"), File: q4, Observations: []model.Observation{
			obs(2, "X1", "P1", f(50), f(5), f(10)),
			obs(3, "X1", "C1", f(7), nil, nil),
			obs(4, "D", "N1", f(-3.5), nil, nil),
			obs(5, "X2", "C1", nil, nil, nil), // missing figure
		}}},
	}
}

func target(line int, ind, unit string, year int, v float64) model.Target {
	return model.Target{Indicator: ind, Unit: unit, Year: year, Value: v, Basis: model.Text{VI: "QĐ"}, At: at("data/targets.csv", line)}
}

func snapshot(name string) model.Snapshot {
	return model.Snapshot{Period: period.MustParse(name), File: "data/snapshots/" + name + ".csv"}
}

func TestDataset(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(ds *model.Dataset)
		want   []string
	}{
		{"valid", func(*model.Dataset) {}, nil},

		// Indicators.
		{"indicator code used twice", func(ds *model.Dataset) { ds.Indicators[1].Code = "P1" }, []string{
			`data/indicators.csv:3:1: code "P1": this indicator code is used twice: also on line 2`,
			`data/snapshots/2024-Q4.csv:3:11: indicator "C1": unknown indicator: no indicator in data/indicators.csv has this code`,
			`data/snapshots/2024-Q4.csv:5:11: indicator "C1": unknown indicator: no indicator in data/indicators.csv has this code`}},
		{"indicator codes differing in case", func(ds *model.Dataset) {
			ds.Indicators = append(ds.Indicators, model.Indicator{Code: "p1", Group: "g", Name: model.Text{VI: "x"}, Measure: model.Count, Direction: model.Up, At: at("data/indicators.csv", 5)})
		}, []string{
			`data/indicators.csv:5:1: code "p1": same as "P1" on line 2 once capital letters are ignored; codes become web addresses, so make them differ by more than case`}},
		{"indicator code rules", func(ds *model.Dataset) {
			for i, c := range []string{"", " P9", "../P9", "a/b", `a\b`, strings.Repeat("x", 65), "Tỷlệ", "_x", "NUL", "lpt1"} {
				ds.Indicators = append(ds.Indicators, model.Indicator{Code: c, Group: "g", Name: model.Text{VI: "x"}, Measure: model.Count, Direction: model.Up, At: at("data/indicators.csv", 5+i)})
			}
			ds.Indicators = append(ds.Indicators, model.Indicator{Code: strings.Repeat("x", 64), Group: "g", Name: model.Text{VI: "x"}, Measure: model.Count, Direction: model.Up, At: at("data/indicators.csv", 20)})
		}, []string{
			`data/indicators.csv:5:1: code "": missing: every row needs a code here`,
			`data/indicators.csv:6:1: code " P9": has spaces at the start or end: delete them`,
			`data/indicators.csv:7:1: code "../P9": not safe in a web address: use only letters A to Z, digits, - and _ (no / or ..)`,
			`data/indicators.csv:8:1: code "a/b": not safe in a web address: use only letters A to Z, digits, - and _ (no / or ..)`,
			`data/indicators.csv:9:1: code "a\\b": not safe in a web address: use only letters A to Z, digits, - and _ (no / or ..)`,
			`data/indicators.csv:10:1: code "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…": too long: a code has at most 64 characters`,
			`data/indicators.csv:11:1: code "Tỷlệ": not a valid code: use only letters A to Z without accents, digits, - and _, starting with a letter or digit`,
			`data/indicators.csv:12:1: code "_x": not a valid code: use only letters A to Z without accents, digits, - and _, starting with a letter or digit`,
			`data/indicators.csv:13:1: code "NUL": reserved name: Windows cannot store a file with this name, choose another code`,
			`data/indicators.csv:14:1: code "lpt1": reserved name: Windows cannot store a file with this name, choose another code`}},
		{"indicator texts and words", func(ds *model.Dataset) {
			ind := &ds.Indicators[2]
			ind.Group = ""
			ind.Name = model.Text{EN: strings.Repeat("n", 501)}
			ind.Definition.VI = strings.Repeat("đ", 5001)
			ind.Source.EN = strings.Repeat("s", 5000) // at the limit
			ind.Measure = "Percent"
			ind.Direction = "higher"
			ds.Snapshots[0].Observations[2].Value = f(1e9) // not judged: the measure is unknown
		}, []string{
			`data/indicators.csv:4:11: group "": missing: give the group code (such as ha-tang)`,
			`data/indicators.csv:4:21: name_vi "": missing: give the name in Vietnamese`,
			`data/indicators.csv:4:31: name_en "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn…": too long: 501 characters, at most 500`,
			`data/indicators.csv:4:41: unit "Percent": must be percent, count or number: write percent, in lower case and without spaces`,
			`data/indicators.csv:4:51: direction "higher": must be up (higher is better) or down (lower is better)`,
			`data/indicators.csv:4:61: definition_vi "đđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđđ…": too long: 5001 characters, at most 5000`}},
		{"group must be a code", func(ds *model.Dataset) { ds.Indicators[0].Group = "Hạ tầng" }, []string{
			`data/indicators.csv:2:11: group "Hạ tầng": not a valid code: use only letters A to Z without accents, digits, - and _, starting with a letter or digit`}},

		// Units.
		{"unit code used twice", func(ds *model.Dataset) { ds.Units[2].Code = "X1" }, []string{
			`data/snapshots/2024-Q4.csv:5:1: unit "X2": unknown unit: no unit in data/units.csv has this code`,
			`data/units.csv:4:1: code "X1": this unit code is used twice: also on line 3`}},
		{"unit codes differing in case", func(ds *model.Dataset) { ds.Units[2].Code = "x1"; ds.Snapshots[0].Observations[3].Unit = "x1" }, []string{
			`data/units.csv:4:1: code "x1": same as "X1" on line 3 once capital letters are ignored; codes become web addresses, so make them differ by more than case`}},
		{"two top units", func(ds *model.Dataset) { ds.Units[2].Parent = "" }, []string{
			`data/units.csv:4:41: parent "": missing: only one unit, the district, has no parent, and D on line 2 already has none`}},
		{"no top unit", func(ds *model.Dataset) { ds.Units[0].Parent = "X2" }, []string{
			`data/units.csv: no top unit: the district must have an empty parent`,
			`data/units.csv:2:41: parent "X2": units form a loop: D → X2 → D; follow the parents up to the district instead`}},
		{"unknown parent", func(ds *model.Dataset) { ds.Units[1].Parent = "D9" }, []string{
			`data/units.csv:3:41: parent "D9": unknown parent: no unit in data/units.csv has this code`}},
		{"bad parent code", func(ds *model.Dataset) { ds.Units[1].Parent = "D " }, []string{
			`data/units.csv:3:41: parent "D ": has spaces at the start or end: delete them`}},
		{"loops", func(ds *model.Dataset) {
			for i, u := range [][2]string{{"A", "B"}, {"B", "C"}, {"C", "A"}, {"E", "A"}, {"S", "S"}} {
				ds.Units = append(ds.Units, model.Unit{Code: u[0], Name: model.Text{VI: "x"}, Parent: u[1], At: at("data/units.csv", 5+i)})
			}
		}, []string{
			`data/units.csv:5:41: parent "B": units form a loop: A → B → C → A; follow the parents up to the district instead`,
			`data/units.csv:9:41: parent "S": units form a loop: S → S; follow the parents up to the district instead`}},
		{"loop entered from its middle", func(ds *model.Dataset) {
			for i, u := range [][2]string{{"E", "B"}, {"A", "B"}, {"B", "A"}} {
				ds.Units = append(ds.Units, model.Unit{Code: u[0], Name: model.Text{VI: "x"}, Parent: u[1], At: at("data/units.csv", 5+i)})
			}
		}, []string{
			`data/units.csv:6:41: parent "B": units form a loop: A → B → A; follow the parents up to the district instead`}},
		{"unit name", func(ds *model.Dataset) { ds.Units[1].Name.VI = "" }, []string{
			`data/units.csv:3:11: name_vi "": missing: give the name in Vietnamese`}},

		// Targets.
		{"target rules", func(ds *model.Dataset) {
			ds.Targets = append(ds.Targets,
				target(3, "Z9", "X1", 2025, 1),
				target(4, "P1", "X9", 2025, 1),
				target(5, "P1", "*", 1899, 1),
				target(6, "P1", "X1", 2201, 1),
				target(7, "P1", "X1", 2030, 100.5),
				target(8, "C1", "*", 2025, 2.5),
				target(9, "C1", "X1", 2025, -1),
				target(10, "N1", "X1", 2025, -1e6), // any number
				target(11, "P1", "*", 2025, 90),
				target(12, "P1", "X2", 2200, 0),
			)
			ds.Targets[len(ds.Targets)-1].Basis.VI = ""
		}, []string{
			`data/targets.csv:3:1: indicator "Z9": unknown indicator: no indicator in data/indicators.csv has this code`,
			`data/targets.csv:4:11: unit "X9": unknown unit: no unit in data/units.csv has this code`,
			`data/targets.csv:5:21: year "1899": year out of range: write a year from 1900 to 2200`,
			`data/targets.csv:6:21: year "2201": year out of range: write a year from 1900 to 2200`,
			`data/targets.csv:7:31: value "100.5": out of range: P1 is a percent, from 0 to 100`,
			`data/targets.csv:8:31: value "2.5": not a count: C1 counts things, so write a whole number, 0 or more`,
			`data/targets.csv:9:31: value "-1": not a count: C1 counts things, so write a whole number, 0 or more`,
			`data/targets.csv:11:1: a second target for indicator P1, unit * and year 2025: the first is on line 2; keep one`,
			`data/targets.csv:12:41: basis_vi "": missing: give the decision that set the target, in Vietnamese`}},

		// Snapshots.
		{"unknown codes", func(ds *model.Dataset) {
			o := &ds.Snapshots[0].Observations
			*o = append(*o, obs(6, "X9", "P1", f(1), nil, nil), obs(7, "X1", "Z9", f(1), nil, nil), obs(8, "X 1", "P 1", f(1), nil, nil))
		}, []string{
			`data/snapshots/2024-Q4.csv:6:1: unit "X9": unknown unit: no unit in data/units.csv has this code`,
			`data/snapshots/2024-Q4.csv:7:11: indicator "Z9": unknown indicator: no indicator in data/indicators.csv has this code`,
			`data/snapshots/2024-Q4.csv:8:1: unit "X 1": not a valid code: use only letters A to Z without accents, digits, - and _, starting with a letter or digit`,
			`data/snapshots/2024-Q4.csv:8:11: indicator "P 1": not a valid code: use only letters A to Z without accents, digits, - and _, starting with a letter or digit`}},
		{"same unit and indicator twice", func(ds *model.Dataset) {
			o := &ds.Snapshots[0].Observations
			*o = append(*o, obs(6, "X1", "P1", f(60), nil, nil), obs(7, "X1", "P1", nil, nil, nil))
		}, []string{
			`data/snapshots/2024-Q4.csv:6:1: unit X1 and indicator P1 are already on line 2: keep one row per unit and indicator`,
			`data/snapshots/2024-Q4.csv:7:1: unit X1 and indicator P1 are already on line 2: keep one row per unit and indicator`}},
		{"same key in another snapshot is fine", func(ds *model.Dataset) {
			s := snapshot("2024-Q3")
			s.Observations = []model.Observation{obs(2, "X1", "P1", f(40), nil, nil)}
			ds.Snapshots = append([]model.Snapshot{s}, ds.Snapshots...)
		}, nil},
		{"percent range", func(ds *model.Dataset) {
			o := &ds.Snapshots[0].Observations
			*o = append(*o, obs(6, "X2", "P1", f(-0.1), nil, nil), obs(7, "D", "P1", f(100.01), nil, nil), obs(8, "D", "P1", nil, nil, nil))
			(*o)[0].Value, (*o)[0].Numerator, (*o)[0].Denominator = f(100), nil, nil
		}, []string{
			`data/snapshots/2024-Q4.csv:6:21: value "-0.1": out of range: P1 is a percent, from 0 to 100`,
			`data/snapshots/2024-Q4.csv:7:21: value "100.01": out of range: P1 is a percent, from 0 to 100`,
			`data/snapshots/2024-Q4.csv:8:1: unit D and indicator P1 are already on line 7: keep one row per unit and indicator`}},
		{"numerator and denominator", func(ds *model.Dataset) {
			o := &ds.Snapshots[0].Observations
			*o = []model.Observation{
				obs(2, "D", "P1", nil, f(12), f(10)),
				obs(3, "X1", "P1", f(50), f(1), f(0)),
				obs(4, "X2", "P1", nil, f(1), f(-2)),
				obs(5, "D", "C1", nil, f(5), nil),
				obs(6, "X1", "C1", nil, nil, f(5)),
				obs(7, "X2", "C1", f(2), f(1), f(2)),
				obs(8, "D", "N1", f(45), f(12), f(25)),
			}
			ds.Indicators[2].Measure = model.Percent
			ds.Indicators[1].Measure = model.Percent
			*o = append(*o, obs(9, "X1", "N1", f(92.9), f(26), f(28)), // 92.857: within 0.05
				obs(10, "X2", "N1", f(33.4), f(1), f(3)), // 33.333: off by 0.067
				obs(11, "D", "Q", nil, f(-1), f(3)))
			ds.Indicators = append(ds.Indicators, model.Indicator{Code: "Q", Group: "g", Name: model.Text{VI: "q"}, Measure: model.Percent, Direction: model.Up, At: at("data/indicators.csv", 5)})
		}, []string{
			`data/snapshots/2024-Q4.csv:2:31: numerator "12": the numerator is more than the denominator (10): a part cannot be larger than the whole`,
			`data/snapshots/2024-Q4.csv:3:41: denominator "0": the denominator must be more than 0`,
			`data/snapshots/2024-Q4.csv:4:41: denominator "-2": the denominator must be more than 0`,
			`data/snapshots/2024-Q4.csv:5:31: numerator "5": denominator is missing: give both numerator and denominator, or neither`,
			`data/snapshots/2024-Q4.csv:6:41: denominator "5": numerator is missing: give both numerator and denominator, or neither`,
			`data/snapshots/2024-Q4.csv:7:21: value "2": does not match numerator and denominator: 100 × 1 ÷ 2 = 50`,
			`data/snapshots/2024-Q4.csv:8:21: value "45": does not match numerator and denominator: 100 × 12 ÷ 25 = 48`,
			`data/snapshots/2024-Q4.csv:10:21: value "33.4": does not match numerator and denominator: 100 × 1 ÷ 3 = 33.33`,
			`data/snapshots/2024-Q4.csv:11:31: numerator "-1": the numerator cannot be negative`}},
		{"ratio on a count or number", func(ds *model.Dataset) {
			o := &ds.Snapshots[0].Observations
			*o = append(*o, obs(6, "X2", "N1", f(1), f(1), f(2)), obs(7, "D", "C1", f(1.5), nil, f(2)))
		}, []string{
			`data/snapshots/2024-Q4.csv:6:31: numerator "1": only percent indicators take a numerator and denominator; N1 is a number: leave both empty`,
			`data/snapshots/2024-Q4.csv:7:21: value "1.5": not a count: C1 counts things, so write a whole number, 0 or more`,
			`data/snapshots/2024-Q4.csv:7:41: denominator "2": only percent indicators take a numerator and denominator; C1 is a count: leave both empty`}},
		{"counts", func(ds *model.Dataset) {
			o := &ds.Snapshots[0].Observations
			*o = append(*o, obs(6, "X2", "C1", f(1.234), nil, nil), obs(7, "D", "C1", f(-3), nil, nil), obs(8, "X1", "N1", f(0.125), nil, nil))
			(*o)[1].Value = f(0)
		}, []string{
			`data/snapshots/2024-Q4.csv:6:1: unit X2 and indicator C1 are already on line 5: keep one row per unit and indicator`,
			`data/snapshots/2024-Q4.csv:6:21: value "1.234": not a count: C1 counts things, so write a whole number, 0 or more (if the dot separates thousands, write 1234)`,
			`data/snapshots/2024-Q4.csv:7:21: value "-3": not a count: C1 counts things, so write a whole number, 0 or more`}},
		{"long note", func(ds *model.Dataset) { ds.Snapshots[0].Observations[0].Note = strings.Repeat("ê", 5001) }, []string{
			`data/snapshots/2024-Q4.csv:2:51: note "êêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêêê…": too long: 5001 characters, at most 5000`}},
		{"markup and formulas are text", func(ds *model.Dataset) {
			ds.Units[1].Name.VI = "</script><script>alert(1)</script>"
			ds.Units[1].Name.EN = "__f__alert(1)__f__"
			ds.Snapshots[0].Observations[0].Note = `=HYPERLINK("http://x") {{ .Site }} @SUM(A1)`
		}, nil},

		// Periods.
		{"overlapping periods", func(ds *model.Dataset) {
			ds.Snapshots = append([]model.Snapshot{snapshot("2024-Q3"), snapshot("2024-H2")}, ds.Snapshots...)
			ds.Snapshots = append(ds.Snapshots, snapshot("2024"), snapshot("2025-01"))
		}, []string{
			"data/snapshots/2024-H2.csv: period 2024-H2 overlaps data/snapshots/2024-Q3.csv (2024-Q3): keep one file per period, with no two covering the same months",
			"data/snapshots/2024-Q4.csv: period 2024-Q4 overlaps data/snapshots/2024-H2.csv (2024-H2): keep one file per period, with no two covering the same months",
			"data/snapshots/2024.csv: period 2024 overlaps data/snapshots/2024-Q3.csv (2024-Q3): keep one file per period, with no two covering the same months",
			"data/snapshots/2024.csv: period 2024 overlaps data/snapshots/2024-H2.csv (2024-H2): keep one file per period, with no two covering the same months",
			"data/snapshots/2024.csv: period 2024 overlaps data/snapshots/2024-Q4.csv (2024-Q4): keep one file per period, with no two covering the same months"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ds := base()
			tc.change(ds)
			err := validate.Dataset(ds, validate.Options{})
			var got []string
			for _, e := range diag.All(err) {
				got = append(got, e.Error())
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFuturePeriod(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	for _, tc := range []struct {
		today time.Time
		want  []string
	}{
		{time.Time{}, nil}, // no clock: not checked
		{time.Date(2024, 10, 1, 0, 30, 0, 0, ict), nil},
		{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), nil},
		// Still 30 September in Vietnam: its own date counts, not UTC's.
		{time.Date(2024, 9, 30, 23, 59, 0, 0, ict), []string{
			"data/snapshots/2024-Q4.csv: period has not started yet: 2024-Q4 starts on 2024-10-01 and today is 2024-09-30"}},
		{time.Date(2024, 9, 30, 20, 0, 0, 0, time.UTC).In(ict), nil}, // 1 October, 03:00 in Vietnam
	} {
		err := validate.Dataset(base(), validate.Options{Today: tc.today})
		var got []string
		for _, e := range diag.All(err) {
			got = append(got, e.Error())
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("today %v: errors (-want +got):\n%s", tc.today, diff)
		}
	}
}

// TestCodes checks that each error carries the code tools rely on.
func TestCodes(t *testing.T) {
	ds := base()
	ds.Indicators[1].Code = "P1"                                                                // primary-key
	ds.Units[1].Parent = "Z"                                                                    // foreign-key
	ds.Snapshots[0].Observations[0].Numerator = f(11)                                           // row-constraint
	ds.Snapshots[0].Observations[2].Unit = "../x"                                               // unsafe-path
	ds.Snapshots = append(ds.Snapshots, snapshot("2024"))                                       // period-overlap
	ds.Targets = append(ds.Targets, target(3, "P1", "*", 2025, 1), target(4, "", "*", 2025, 1)) // primary-key, constraint-error
	var got []string
	for _, e := range diag.All(validate.Dataset(ds, validate.Options{})) {
		got = append(got, e.Pos.String()+" "+e.Code)
	}
	want := []string{
		"data/indicators.csv:3:1 primary-key",
		"data/snapshots/2024-Q4.csv:2:31 row-constraint",
		"data/snapshots/2024-Q4.csv:3:11 foreign-key",
		"data/snapshots/2024-Q4.csv:4:1 unsafe-path",
		"data/snapshots/2024-Q4.csv:5:11 foreign-key",
		"data/snapshots/2024.csv period-overlap",
		"data/targets.csv:3:1 primary-key",
		"data/targets.csv:4:1 constraint-error",
		"data/units.csv:3:41 foreign-key",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("codes (-want +got):\n%s", diff)
	}
}

// TestWithoutCellPositions checks a dataset built in code, without cell
// positions: problems fall back to the row.
func TestWithoutCellPositions(t *testing.T) {
	ds := base()
	ds.Units[1].At = diag.Origin{Row: ds.Units[1].At.Row}
	ds.Units[1].Parent = "Q"
	want := `data/units.csv:3:1: parent "Q": unknown parent: no unit in data/units.csv has this code`
	if err := validate.Dataset(ds, validate.Options{}); err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
