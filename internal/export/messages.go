package export

import "github.com/minhbach/minhbach/internal/msg"

// msgRolledUp is the source column of a rolled-up figure: the rows it is
// computed from are in the same file.
var msgRolledUp = msg.New(
	"tổng hợp từ các dòng cùng kỳ của các đơn vị trực thuộc %s",
	"sum of the rows of units with parent %s")
