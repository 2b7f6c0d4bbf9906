// Package ogimage draws the preview images (Open Graph, Twitter cards)
// that a link to the site shows in a chat or a social network: 1200 × 630
// PNG, at build time, from the same series as the page's chart.
//
// It rasterises with golang.org/x/image (vector for the shapes, opentype
// for the text), already in the build through Hugo: no new dependency and
// no C. The text is set in DejaVu Sans, cut down to the Latin and
// Vietnamese letters (font/, see font/subset.sh and font/LICENSE): Go's
// own fonts have no Vietnamese letters with two marks ("ợ", "ồ").
// The same card gives the same bytes: no time, no randomness, and
// image/png writes no metadata.
package ogimage

import (
	"bytes"
	_ "embed"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
	"golang.org/x/text/unicode/norm"
)

// Width and Height are the size Open Graph and Twitter's large card ask for.
const (
	Width  = 1200
	Height = 630
)

// Card is what one preview shows.
type Card struct {
	Site   string // the site's title, at the top
	Title  string // the indicator's name (two lines at most)
	Value  string // the latest figure, large: "90%"
	Period string // its period: "quý IV/2024"
	Lines  []string
	// The trend, as the page's chart draws it; empty: no chart.
	Values []*float64
	Labels []string // the first and last are printed under the chart
	Target *float64
	Lo, Hi float64 // the value axis
}

var (
	//go:embed font/DejaVuSans.ttf
	regularTTF []byte
	//go:embed font/DejaVuSans-Bold.ttf
	boldTTF []byte

	fontsOnce     sync.Once
	regular, bold *sfnt.Font
	fontsErr      error
)

func fonts() error {
	fontsOnce.Do(func() {
		if regular, fontsErr = opentype.Parse(regularTTF); fontsErr != nil {
			return
		}
		bold, fontsErr = opentype.Parse(boldTTF)
	})
	return fontsErr
}

var (
	white  = color.RGBA{0xff, 0xff, 0xff, 0xff}
	ink    = color.RGBA{0x1a, 0x1a, 0x1a, 0xff}
	grey   = color.RGBA{0x55, 0x55, 0x55, 0xff}
	rule   = color.RGBA{0xd0, 0xd0, 0xd0, 0xff}
	series = color.RGBA{0x1f, 0x5f, 0xa8, 0xff} // chart.ColorSeries
	target = color.RGBA{0xb3, 0x26, 0x1e, 0xff} // chart.ColorTarget
)

// PNG draws the card.
func PNG(c Card) ([]byte, error) {
	if err := fonts(); err != nil {
		return nil, fmt.Errorf("ogimage: %w", err)
	}
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	draw.Draw(img, img.Bounds(), image.NewUniform(white), image.Point{}, draw.Src)
	fill(img, series, rect(0, 0, Width, 12))

	const left = 60
	text(img, regular, 28, grey, left, 70, Width-2*left, c.Site)
	y := 140
	for _, l := range wrap(bold, 46, Width-2*left, c.Title, 2) {
		text(img, bold, 46, ink, left, y, Width-2*left, l)
		y += 58
	}
	chartLeft, ly, lw := left, y+40, Width-2*left
	if c.Value != "" {
		text(img, bold, 120, series, left, 380, 520, c.Value)
		text(img, regular, 32, grey, left, 430, 520, c.Period)
		chartLeft, ly, lw = 580, 490, 460
	}
	for _, line := range c.Lines {
		for _, l := range wrap(regular, 26, lw, line, 2) {
			text(img, regular, 26, ink, left, ly, lw, l)
			ly += 34
		}
	}
	if len(c.Values) > 0 {
		trend(img, c, chartLeft, 250, Width-60, 560)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, paletted(img)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// trend draws the series in the box x0,y0–x1,y1: the line with its
// points (gaps left open), the dashed target, a base line, and the first
// and last period under it.
func trend(img *image.RGBA, c Card, x0, y0, x1, y1 int) {
	lo, hi := c.Lo, c.Hi
	if hi <= lo {
		hi = lo + 1
	}
	n := len(c.Values)
	xAt := func(i int) float32 {
		if n == 1 {
			return float32(x0+x1) / 2
		}
		return float32(x0) + float32(x1-x0)*float32(i)/float32(n-1)
	}
	yAt := func(v float64) float32 {
		return float32(y1) - float32(y1-y0)*float32((v-lo)/(hi-lo))
	}
	fill(img, rule, rect(float32(x0), float32(y1), float32(x1), float32(y1+2)))
	fill(img, rule, rect(float32(x0), float32(y0), float32(x1), float32(y0+1)))
	if c.Target != nil {
		ty := yAt(*c.Target)
		for x := float32(x0); x < float32(x1); x += 24 {
			fill(img, target, rect(x, ty-2, min(x+14, float32(x1)), ty+2))
		}
	}
	for i := 0; i+1 < n; i++ {
		if c.Values[i] != nil && c.Values[i+1] != nil {
			fill(img, series, segment(xAt(i), yAt(*c.Values[i]), xAt(i+1), yAt(*c.Values[i+1]), 6))
		}
	}
	for i, v := range c.Values {
		if v != nil {
			fill(img, series, circle(xAt(i), yAt(*v), 8))
		}
	}
	if len(c.Labels) > 0 {
		text(img, regular, 24, grey, x0, y1+36, (x1-x0)/2, c.Labels[0])
		last := c.Labels[len(c.Labels)-1]
		w := advance(regular, 24, last)
		text(img, regular, 24, grey, x1-w, y1+36, w, last)
	}
}

// shape is a closed polygon, in pixels.
type shape [][2]float32

func rect(x0, y0, x1, y1 float32) shape {
	return shape{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}
}

// segment is the line from a to b, w wide, as a quadrilateral.
func segment(ax, ay, bx, by, w float32) shape {
	dx, dy := bx-ax, by-ay
	l := float32(math.Hypot(float64(dx), float64(dy)))
	if l == 0 {
		return nil
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	return shape{{ax + nx, ay + ny}, {bx + nx, by + ny}, {bx - nx, by - ny}, {ax - nx, ay - ny}}
}

func circle(cx, cy, r float32) shape {
	const k = 24
	s := make(shape, k)
	for i := range s {
		a := 2 * math.Pi * float64(i) / k
		s[i] = [2]float32{cx + r*float32(math.Cos(a)), cy + r*float32(math.Sin(a))}
	}
	return s
}

// fill paints s in col, antialiased. The rasteriser covers only the
// shape's bounding box: one the size of the card per shape cost 100 ms.
func fill(img *image.RGBA, col color.RGBA, s shape) {
	if len(s) < 3 {
		return
	}
	x0, y0, x1, y1 := s[0][0], s[0][1], s[0][0], s[0][1]
	for _, p := range s[1:] {
		x0, y0, x1, y1 = min(x0, p[0]), min(y0, p[1]), max(x1, p[0]), max(y1, p[1])
	}
	box := image.Rect(int(math.Floor(float64(x0))), int(math.Floor(float64(y0))), int(math.Ceil(float64(x1))), int(math.Ceil(float64(y1)))).Intersect(img.Bounds())
	if box.Empty() {
		return
	}
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	z := vector.NewRasterizer(box.Dx(), box.Dy())
	z.DrawOp = draw.Over
	z.MoveTo(s[0][0]-ox, s[0][1]-oy)
	for _, p := range s[1:] {
		z.LineTo(p[0]-ox, p[1]-oy)
	}
	z.ClosePath()
	z.Draw(img, box, image.NewUniform(col), image.Point{})
}

func face(f *sfnt.Font, size float64) font.Face {
	fc, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic("ogimage: " + err.Error()) // the embedded fonts parsed; sizes are constants
	}
	return fc
}

func advance(f *sfnt.Font, size float64, s string) int {
	fc := face(f, size)
	defer fc.Close()
	return font.MeasureString(fc, norm.NFC.String(s)).Ceil()
}

// text draws s with its baseline at x,y, cut with "…" to width.
func text(img *image.RGBA, f *sfnt.Font, size float64, col color.RGBA, x, y, width int, s string) {
	fc := face(f, size)
	defer fc.Close()
	s = norm.NFC.String(s)
	if font.MeasureString(fc, s).Ceil() > width {
		r := []rune(s)
		for len(r) > 0 && font.MeasureString(fc, string(r)+"…").Ceil() > width {
			r = r[:len(r)-1]
		}
		s = strings.TrimRight(string(r), " ,;:") + "…"
	}
	d := font.Drawer{Dst: img, Src: image.NewUniform(col), Face: fc, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// wrap breaks s into at most lines lines of at most width pixels, at
// spaces; the last line keeps the rest (text cuts it).
func wrap(f *sfnt.Font, size float64, width int, s string, lines int) []string {
	fc := face(f, size)
	defer fc.Close()
	var out []string
	cur := ""
	words := strings.Fields(norm.NFC.String(s))
	for i, w := range words {
		try := strings.TrimSpace(cur + " " + w)
		if cur != "" && font.MeasureString(fc, try).Ceil() > width {
			if len(out) == lines-1 {
				return append(out, strings.Join(append([]string{cur}, words[i:]...), " "))
			}
			out = append(out, cur)
			cur = w
			continue
		}
		cur = try
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// The card's few colours, each blended with the white background in
// blendSteps steps (the antialiased edges): 251 colours, one byte a pixel.
// A paletted PNG is a quarter of the pixels to compress and needs no
// filtering: it made the images some four times cheaper to encode (they
// were a fifth of a 1× build's CPU) and smaller to download.
const blendSteps = 50

var palette = sync.OnceValue(func() color.Palette {
	p := color.Palette{white}
	for _, c := range []color.RGBA{ink, grey, rule, series, target} {
		for k := 1; k <= blendSteps; k++ {
			mix := func(v uint8) uint8 { return uint8((int(v)*k + 0xff*(blendSteps-k) + blendSteps/2) / blendSteps) }
			p = append(p, color.RGBA{mix(c.R), mix(c.G), mix(c.B), 0xff})
		}
	}
	return p
})

// paletted maps each pixel of img to the nearest colour of the palette.
// An image holds a few hundred distinct colours, so each is looked up once.
func paletted(img *image.RGBA) *image.Paletted {
	pal := palette()
	out := image.NewPaletted(img.Bounds(), pal)
	seen := map[uint32]uint8{}
	last, lastIdx := uint32(0xffffff), uint8(0) // runs of one colour: mostly the white
	for i, j := 0, 0; i < len(img.Pix); i, j = i+4, j+1 {
		key := uint32(img.Pix[i])<<16 | uint32(img.Pix[i+1])<<8 | uint32(img.Pix[i+2])
		if key != last {
			idx, ok := seen[key]
			if !ok {
				idx = uint8(pal.Index(color.RGBA{img.Pix[i], img.Pix[i+1], img.Pix[i+2], 0xff}))
				seen[key] = idx
			}
			last, lastIdx = key, idx
		}
		out.Pix[j] = lastIdx
	}
	return out
}
