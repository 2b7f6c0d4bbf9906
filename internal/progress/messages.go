package progress

import (
	"github.com/minhbach/minhbach/internal/model"
	"github.com/minhbach/minhbach/internal/msg"
)

// The steps of a build, as the progress line says them, in Vietnamese and
// English (see package msg).
var (
	Load      = msg.New("đang đọc và kiểm tra số liệu", "reading and checking the data")
	Analyse   = msg.New("đang tính số liệu tổng hợp", "computing the figures")
	Downloads = msg.New("đang tạo các tệp tải về", "making the downloads")
	Render    = msg.New("đang dựng trang", "rendering pages")
	Publish   = msg.New("đang xuất bản", "publishing")

	msgTook = msg.New("minhbach: %s: %s giây", "minhbach: %s: %ss")
)

func langOf(lang string) model.Lang {
	if lang == string(model.EN) {
		return model.EN
	}
	return model.VI
}
