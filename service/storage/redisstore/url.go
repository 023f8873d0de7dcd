package redisstore

import (
	"errors"
	"fmt"
	neturl "net/url"
	"strconv"
	"strings"

	"github.com/redis/go-redis/v9"
)

// The url parameters that choose the kind of deployment; every other
// parameter is go-redis's (ParseURL, ParseFailoverURL, ParseClusterURL).
const (
	masterNameParam = "master_name"
	clusterParam    = "cluster"
)

// newClient makes a client for a single Redis, a Sentinel-managed master
// (master_name=M) or a Redis Cluster (cluster=true); where says what it
// talks to, for errors (never the password).
func newClient(url string) (rdb redis.UniversalClient, where string, err error) {
	u, err := neturl.Parse(url)
	if err != nil {
		return nil, "", err
	}
	q := u.Query()
	cluster, err := clusterRequested(q)
	if err != nil {
		return nil, "", err
	}
	// go-redis refuses parameters it does not know, cluster among them.
	q.Del(clusterParam)
	u.RawQuery = q.Encode()
	url = u.String()
	master := q.Get(masterNameParam)
	switch {
	case cluster && master != "":
		return nil, "", fmt.Errorf("both %s and %s given: a Sentinel master and a Redis Cluster are different deployments; give one", clusterParam, masterNameParam)
	case cluster:
		return newClusterClient(u)
	case master != "":
		fo, err := redis.ParseFailoverURL(url)
		if err != nil {
			return nil, "", err
		}
		return redis.NewFailoverClient(fo), fmt.Sprintf("master %q via sentinels %v", master, fo.SentinelAddrs), nil
	}
	o, err := redis.ParseURL(url)
	if err != nil {
		return nil, "", err
	}
	return redis.NewClient(o), o.Addr, nil
}

// clusterRequested reads the cluster parameter: absent or false for a
// single Redis, true for a cluster; anything else is a mistake worth
// reporting rather than guessing.
func clusterRequested(q neturl.Values) (bool, error) {
	vals, ok := q[clusterParam]
	if !ok {
		return false, nil
	}
	if len(vals) != 1 {
		return false, fmt.Errorf("%s given %d times, want once", clusterParam, len(vals))
	}
	on, err := strconv.ParseBool(vals[0])
	if err != nil {
		return false, fmt.Errorf("%s=%q: want true or false", clusterParam, vals[0])
	}
	return on, nil
}

// newClusterClient makes a cluster client from a url whose host and addr
// parameters are seed nodes: the client learns the rest of the cluster,
// and follows its slot moves and failovers, from them. A cluster has one
// database, so a path other than "", "/" or "/0" is refused instead of
// being silently ignored.
func newClusterClient(u *neturl.URL) (redis.UniversalClient, string, error) {
	if db := strings.TrimPrefix(u.Path, "/"); db != "" && db != "0" {
		return nil, "", fmt.Errorf("database %q: a Redis Cluster has database 0 only", db)
	}
	seeds := *u
	seeds.Path = ""
	o, err := redis.ParseClusterURL(seeds.String())
	if err != nil {
		return nil, "", err
	}
	// A replica reads what it or another replica has just written (a
	// version saved then read back, an activation then the active
	// pointer); a replica node may lag behind its master.
	if o.ReadOnly || o.RouteByLatency || o.RouteRandomly {
		return nil, "", fmt.Errorf("read_only, route_by_latency and route_randomly read from replica nodes, which may lag behind the writes the store reads back; leave them out")
	}
	return redis.NewClusterClient(o), fmt.Sprintf("cluster via seed nodes %v", o.Addrs), nil
}

// withoutURL drops the quoted URL from a url.Error: the URL may hold a
// password.
func withoutURL(err error) error {
	var ue *neturl.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
