# shellcheck shell=bash
# test/citus/cluster.sh: a throwaway Citus cluster on loopback, sourced by
# test/citus/run and bench/citus (bash).
#
#   cluster_start [SETTING...]   a coordinator and two workers on 127.0.0.1,
#                                free ports, in a directory under /tmp;
#                                SETTINGs (name=value) go to every node's
#                                postgresql.conf; citus and mineral_supply
#                                are created and the nodes registered
#   cluster_psql NODE ARGS...    psql (-X, ON_ERROR_STOP) on node 0 (the
#                                coordinator), 1 or 2, database postgres
#   cluster_stop                 stops every node (idempotent)
#   cluster_check_logs           fails when a server process of any node
#                                died of a signal
#   cluster_cleanup              stops the nodes and removes the directory;
#                                cluster_start sets it as the EXIT trap
#
# The server refuses to run as root: run as root (as CI does), every server
# process and psql runs as the postgres OS user (runuser); run as another
# user, as that user.  Set after cluster_start: CLUSTER_DIR, CLUSTER_PORTS
# (coordinator first), PGBIN.

PG_CONFIG=${PG_CONFIG:-pg_config}
PGBIN=$("$PG_CONFIG" --bindir)
CLUSTER_DIR=
CLUSTER_PORTS=()
CLUSTER_RUNNING=()
CLUSTER_NAMES=(coordinator worker1 worker2)

cluster_log() { echo "cluster: $*" >&2; }

# Runs a command as the server's OS user, from /, which that user can
# enter whatever the permissions of the clone it is called from (psql
# would otherwise print "could not change directory" into the output).
as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		(cd / && runuser -u postgres -- "$@")
	else
		"$@"
	fi
}

# A TCP port nobody listens on, on 127.0.0.1 (nor on any address: a
# wildcard listener answers on loopback too).
free_port() {
	local p _
	for _ in $(seq 1 200); do
		p=$((20000 + RANDOM % 30000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			case " ${CLUSTER_PORTS[*]} " in *" $p "*) continue ;; esac
			echo "$p"
			return 0
		fi
	done
	return 1
}

cluster_psql() {
	local n=$1
	shift
	as_pg "$PGBIN/psql" -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "${CLUSTER_PORTS[n]}" -d postgres "$@"
}

# Starts node n (0 coordinator, 1 and 2 workers); retries on another port
# when the one picked was taken in the meantime.
cluster_start_node() {
	local n=$1 dir="$CLUSTER_DIR/${CLUSTER_NAMES[$1]}" try port
	for try in 1 2 3 4 5; do
		port=$(free_port) || { cluster_log "no free port"; return 1; }
		CLUSTER_PORTS[n]=$port
		sed -i "s/^port = .*/port = $port/" "$dir/postgresql.conf"
		if as_pg "$PGBIN/pg_ctl" -D "$dir" -l "$CLUSTER_DIR/${CLUSTER_NAMES[n]}.log" -w -t 60 start >/dev/null; then
			CLUSTER_RUNNING[n]=1
			return 0
		fi
		cluster_log "${CLUSTER_NAMES[n]} did not start on port $port (try $try):"
		tail -n 5 "$CLUSTER_DIR/${CLUSTER_NAMES[n]}.log" >&2
	done
	return 1
}

cluster_start() {
	local n dir s
	CLUSTER_DIR=$(mktemp -d /tmp/mineral_supply_citus.XXXXXX)
	trap cluster_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	[ "$(id -u)" -ne 0 ] || chown postgres: "$CLUSTER_DIR"
	for n in 0 1 2; do
		dir="$CLUSTER_DIR/${CLUSTER_NAMES[n]}"
		as_pg "$PGBIN/initdb" -D "$dir" -A trust -E UTF8 --no-locale --no-sync >"$CLUSTER_DIR/initdb.log" 2>&1 || {
			cat "$CLUSTER_DIR/initdb.log" >&2
			return 1
		}
		{
			echo
			echo "# test/citus/cluster.sh"
			echo "port = 0"
			echo "listen_addresses = '127.0.0.1'"
			echo "unix_socket_directories = '$CLUSTER_DIR'"
			echo "shared_preload_libraries = 'citus'"
			echo "wal_level = logical"
			echo "max_worker_processes = 16"
			echo "max_connections = 120"
			echo "fsync = off"
			echo "full_page_writes = off"
			echo "log_line_prefix = '%m [%p] ${CLUSTER_NAMES[n]} '"
			for s in "$@"; do echo "$s"; done
		} >>"$dir/postgresql.conf"
		# initdb -A trust trusts every local and loopback connection.
		cluster_start_node "$n" || return 1
	done
	for n in 0 1 2; do
		cluster_psql "$n" -q -c "CREATE EXTENSION citus" || return 1
	done
	cluster_psql 0 -q -At <<-SQL >/dev/null || return 1
		SELECT citus_set_coordinator_host('127.0.0.1', ${CLUSTER_PORTS[0]});
		SELECT citus_add_node('127.0.0.1', ${CLUSTER_PORTS[1]});
		SELECT citus_add_node('127.0.0.1', ${CLUSTER_PORTS[2]});
		-- propagates to the workers (the library must be installed there:
		-- here every node is the same PostgreSQL)
		CREATE EXTENSION mineral_supply;
	SQL
	cluster_log "coordinator on 127.0.0.1:${CLUSTER_PORTS[0]}, workers on ${CLUSTER_PORTS[1]} and ${CLUSTER_PORTS[2]} ($CLUSTER_DIR)"
}

cluster_stop() {
	local n
	for n in 2 1 0; do
		[ "${CLUSTER_RUNNING[n]:-0}" = 1 ] || continue
		as_pg "$PGBIN/pg_ctl" -D "$CLUSTER_DIR/${CLUSTER_NAMES[n]}" -m fast -w -t 30 stop >/dev/null 2>&1 ||
			as_pg "$PGBIN/pg_ctl" -D "$CLUSTER_DIR/${CLUSTER_NAMES[n]}" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
		CLUSTER_RUNNING[n]=0
	done
}

# Every node's server log, searched for a backend that died of a signal
# (a crash: the postmaster then restarts every session of that node).
cluster_check_logs() {
	local n log found=0
	for n in 0 1 2; do
		log="$CLUSTER_DIR/${CLUSTER_NAMES[n]}.log"
		if grep -E -n "terminated by signal|server process .* was terminated" "$log" >&2; then
			cluster_log "${CLUSTER_NAMES[n]}: a server process died (lines above, from $log; its end:)"
			tail -n 30 "$log" >&2
			found=1
		fi
	done
	return $found
}

cluster_cleanup() {
	local rc=$?
	cluster_stop
	[ -z "$CLUSTER_DIR" ] || rm -rf "$CLUSTER_DIR"
	CLUSTER_DIR=
	return $rc
}
