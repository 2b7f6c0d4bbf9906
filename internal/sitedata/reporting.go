package sitedata

// reportingPages shows completeness per period: who reported what.
func (b *builder) reportingPages() ([]Page, error) { return nil, nil }
