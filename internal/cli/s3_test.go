package cli_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/rogpeppe/go-internal/testscript"
	"gocloud.dev/blob"

	"github.com/minhbach/minhbach/internal/publish/gocloud"
)

// s3Credentials sets the access keys of scripts/seaweedfs.sh's server
// for the process, where the command line reads them, unless set.
func s3Credentials() {
	if os.Getenv("MINHBACH_S3_ENDPOINT") != "" && os.Getenv("AWS_ACCESS_KEY_ID") == "" {
		os.Setenv("AWS_ACCESS_KEY_ID", "minhbach")
		os.Setenv("AWS_SECRET_ACCESS_KEY", "minhbach-secret")
	}
}

// s3Endpoint reports whether an S3 server runs; with MINHBACH_REQUIRE_S3
// set (CI), its absence fails the test rather than skipping the scripts.
func s3Endpoint(t *testing.T) bool {
	if os.Getenv("MINHBACH_S3_ENDPOINT") != "" {
		return true
	}
	if os.Getenv("MINHBACH_REQUIRE_S3") != "" {
		t.Error("MINHBACH_REQUIRE_S3 is set but MINHBACH_S3_ENDPOINT is not: start scripts/seaweedfs.sh")
	}
	return false
}

func cmdS3Bucket(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: s3bucket VAR")
	}
	var b [6]byte
	rand.Read(b[:])
	name := "cli-" + hex.EncodeToString(b[:])
	u := "s3://" + name + "?endpoint=" + os.Getenv("MINHBACH_S3_ENDPOINT") + "&region=us-east-1&use_path_style=true"
	bk, err := blob.OpenBucket(context.Background(), u)
	ts.Check(err)
	defer bk.Close()
	var client *s3.Client
	if !bk.As(&client) {
		ts.Fatalf("not an S3 bucket")
	}
	_, err = client.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(name)})
	ts.Check(err)
	ts.Setenv(args[0], u)
}

func cmdS3Get(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: s3get DIR URL")
	}
	dir := ts.MkAbs(args[0])
	bk, err := blob.OpenBucket(context.Background(), args[1])
	ts.Check(err)
	defer bk.Close()
	it := bk.List(nil)
	for {
		o, err := it.Next(context.Background())
		if err == io.EOF {
			break
		}
		ts.Check(err)
		if strings.HasPrefix(o.Key, gocloud.Prefix) {
			continue
		}
		data, err := bk.ReadAll(context.Background(), o.Key)
		ts.Check(err)
		p := filepath.Join(dir, filepath.FromSlash(o.Key))
		ts.Check(os.MkdirAll(filepath.Dir(p), 0o755))
		ts.Check(os.WriteFile(p, data, 0o644))
	}
}
