package sitedata

// methodologyPages explains how status and projections are computed.
func (b *builder) methodologyPages() ([]Page, error) { return nil, nil }
