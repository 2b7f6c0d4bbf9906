package sitedata

// changesPages lists new values and corrections since the previous build.
func (b *builder) changesPages() ([]Page, error) { return nil, nil }
