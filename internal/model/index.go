package model

// Index finds the units and indicators of a dataset by code, and the unit
// tree, without scanning the lists. Build it once with NewIndex after the
// lists are read; it is never changed afterwards, so it is safe for
// concurrent reads. It refers to the dataset's lists, which must not be
// changed while it is in use.
//
// It works on any lists, validated or not, so validation can use it: of
// several records with one code, the first in the file is the one found
// (validation reports the others), and a unit's parent is the first unit
// with the parent's code. A unit listed again under a code already taken
// is nobody's child, and a unit that names itself as its parent is
// nobody's child either; loops of units are left for validation to report.
type Index struct {
	units      []Unit
	indicators []Indicator
	unitAt     map[string]int // unit code → position of the first unit with it
	indAt      map[string]int // indicator code → position of the first indicator with it
	parent     []int          // unit position → position of its parent, -1 for none
	children   [][]int        // unit position → positions of its children, in file order
	top        int            // position of the first unit without a parent, -1 for none
}

// NewIndex indexes the units and indicators of ds.
func NewIndex(ds *Dataset) *Index {
	x := &Index{
		units:      ds.Units,
		indicators: ds.Indicators,
		unitAt:     make(map[string]int, len(ds.Units)),
		indAt:      make(map[string]int, len(ds.Indicators)),
		parent:     make([]int, len(ds.Units)),
		children:   make([][]int, len(ds.Units)),
		top:        -1,
	}
	for i, u := range ds.Units {
		if _, dup := x.unitAt[u.Code]; !dup {
			x.unitAt[u.Code] = i
		}
	}
	for i, ind := range ds.Indicators {
		if _, dup := x.indAt[ind.Code]; !dup {
			x.indAt[ind.Code] = i
		}
	}
	// Children are counted first, so that every unit's list shares one
	// backing array.
	counts := make([]int, len(ds.Units))
	for i, u := range ds.Units {
		x.parent[i] = -1
		if u.Parent == "" {
			if x.top < 0 {
				x.top = i
			}
			continue
		}
		if p, ok := x.unitAt[u.Parent]; ok && p != i && x.unitAt[u.Code] == i {
			x.parent[i] = p
			counts[p]++
		}
	}
	backing := make([]int, 0, len(ds.Units))
	for p, n := range counts {
		x.children[p] = backing[len(backing) : len(backing) : len(backing)+n]
		backing = backing[:len(backing)+n]
	}
	for i, p := range x.parent {
		if p >= 0 {
			x.children[p] = append(x.children[p], i)
		}
	}
	return x
}

// Unit returns the unit with code. The unit is the dataset's own and must
// not be modified.
func (x *Index) Unit(code string) (*Unit, bool) {
	i, ok := x.unitAt[code]
	if !ok {
		return nil, false
	}
	return &x.units[i], true
}

// Indicator returns the indicator with code. The indicator is the
// dataset's own and must not be modified.
func (x *Index) Indicator(code string) (*Indicator, bool) {
	i, ok := x.indAt[code]
	if !ok {
		return nil, false
	}
	return &x.indicators[i], true
}

// UnitPos returns the position of the unit with code in data/units.csv
// (from 0): the order units are listed in.
func (x *Index) UnitPos(code string) (int, bool) {
	i, ok := x.unitAt[code]
	return i, ok
}

// IndicatorPos returns the position of the indicator with code in
// data/indicators.csv (from 0): the order indicators are listed in.
func (x *Index) IndicatorPos(code string) (int, bool) {
	i, ok := x.indAt[code]
	return i, ok
}

// Top returns the unit without a parent (the district). Validation
// guarantees there is exactly one; without one, Top returns a unit with
// no code.
func (x *Index) Top() *Unit {
	if x.top < 0 {
		return &Unit{}
	}
	return &x.units[x.top]
}

// Parent returns the unit that the unit with code belongs to; none for
// the top unit or an unknown code.
func (x *Index) Parent(code string) (*Unit, bool) {
	i, ok := x.unitAt[code]
	if !ok || x.parent[i] < 0 {
		return nil, false
	}
	return &x.units[x.parent[i]], true
}

// Children returns the units whose parent is the unit with code, in file
// order. They are the dataset's own and must not be modified.
func (x *Index) Children(code string) []*Unit {
	i, ok := x.unitAt[code]
	if !ok {
		return nil
	}
	out := make([]*Unit, len(x.children[i]))
	for k, c := range x.children[i] {
		out[k] = &x.units[c]
	}
	return out
}

// ChildrenAt returns the positions of the children of the unit at
// position pos, in file order. The slice is shared: do not modify it.
func (x *Index) ChildrenAt(pos int) []int { return x.children[pos] }

// ParentAt returns the position of the parent of the unit at position
// pos, or -1 for none.
func (x *Index) ParentAt(pos int) int { return x.parent[pos] }
