package sitedata

// scorecardPages are the one-page A4 scorecards of the units.
func (b *builder) scorecardPages() ([]Page, error) { return nil, nil }
