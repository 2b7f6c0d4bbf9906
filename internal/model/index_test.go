package model

import (
	"slices"
	"testing"
)

func codes(us []*Unit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.Code
	}
	return out
}

func TestIndex(t *testing.T) {
	ds := &Dataset{
		Indicators: []Indicator{{Code: "VB01"}, {Code: "HT01"}, {Code: "VB01", Group: "second"}},
		Units: []Unit{
			{Code: "C2", Parent: "D"}, // a child listed before its parent
			{Code: "D"},
			{Code: "C1", Parent: "D"},
			{Code: "V1", Parent: "C1"},
			{Code: "A1", Parent: "D"},
		},
	}
	x := NewIndex(ds)

	if u, ok := x.Unit("C1"); !ok || u != &ds.Units[2] {
		t.Errorf("Unit(C1) = %v, %v; want the dataset's own third unit", u, ok)
	}
	if _, ok := x.Unit("c1"); ok {
		t.Error("Unit(c1): codes are matched exactly")
	}
	if ind, ok := x.Indicator("VB01"); !ok || ind.Group != "" {
		t.Errorf("Indicator(VB01) = %v, %v; want the first of the two", ind, ok)
	}
	if _, ok := x.Indicator("XX"); ok {
		t.Error("Indicator(XX): found an unknown code")
	}
	for code, want := range map[string]int{"C2": 0, "D": 1, "A1": 4} {
		if got, ok := x.UnitPos(code); !ok || got != want {
			t.Errorf("UnitPos(%s) = %d, %v; want %d", code, got, ok, want)
		}
	}
	if got, ok := x.IndicatorPos("HT01"); !ok || got != 1 {
		t.Errorf("IndicatorPos(HT01) = %d, %v; want 1", got, ok)
	}
	if top := x.Top(); top.Code != "D" {
		t.Errorf("Top() = %q, want D", top.Code)
	}
	if got := codes(x.Children("D")); !slices.Equal(got, []string{"C2", "C1", "A1"}) {
		t.Errorf("Children(D) = %v, want file order C2 C1 A1", got)
	}
	if got := codes(x.Children("V1")); len(got) != 0 {
		t.Errorf("Children(V1) = %v, want none", got)
	}
	if got := x.Children("nobody"); got != nil {
		t.Errorf("Children(nobody) = %v, want nil", got)
	}
	if p, ok := x.Parent("V1"); !ok || p.Code != "C1" {
		t.Errorf("Parent(V1) = %v, %v; want C1", p, ok)
	}
	if p, ok := x.Parent("D"); ok {
		t.Errorf("Parent(D) = %v; the top unit has none", p)
	}
	if got := x.ChildrenAt(1); !slices.Equal(got, []int{0, 2, 4}) {
		t.Errorf("ChildrenAt(1) = %v", got)
	}
	if got := x.ParentAt(3); got != 2 {
		t.Errorf("ParentAt(3) = %d, want 2", got)
	}
}

// Validation indexes lists that may break every rule it checks: the index
// must not fail on them, and must find what the old scans found.
func TestIndexUnvalidated(t *testing.T) {
	ds := &Dataset{Units: []Unit{
		{Code: "X", Parent: "Y"},
		{Code: "Y", Parent: "X"}, // a loop
		{Code: "S", Parent: "S"}, // its own parent
		{Code: "X", Parent: "S"}, // a second X
		{Code: "O", Parent: "gone"},
	}}
	x := NewIndex(ds)
	if top := x.Top(); top.Code != "" {
		t.Errorf("Top() = %q, want the zero unit", top.Code)
	}
	if u, _ := x.Unit("X"); u.Parent != "Y" {
		t.Errorf("Unit(X) is the second X")
	}
	if got := codes(x.Children("Y")); !slices.Equal(got, []string{"X"}) {
		t.Errorf("Children(Y) = %v", got)
	}
	if got := codes(x.Children("S")); len(got) != 0 {
		t.Errorf("Children(S) = %v: neither S itself nor the second X", got)
	}
	if _, ok := x.Parent("O"); ok {
		t.Error("Parent(O): the parent is not listed")
	}
	if x := NewIndex(&Dataset{}); x.Top().Code != "" || x.Children("") != nil {
		t.Error("empty dataset")
	}
}
