#!/usr/bin/env bash
# start_postgres: run a throwaway PostgreSQL cluster on loopback, owned by the
# postgres user, with a superuser "rencontres" (password "rencontres").
PGPORT="${PGPORT:-54329}"
export PGPORT

start_postgres() {
    local bindir datadir
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    datadir=/tmp/rencontres-pg-${PGPORT}
    if ! su postgres -c "${bindir}/pg_ctl -D ${datadir} status" >/dev/null 2>&1; then
        rm -rf "${datadir}"
        mkdir -p "${datadir}"
        chown postgres: "${datadir}"
        su postgres -c "${bindir}/initdb -D ${datadir} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
        su postgres -c "${bindir}/pg_ctl -D ${datadir} -o '-p ${PGPORT} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300' -l ${datadir}/log -w start" >/dev/null
    fi
    psql -h 127.0.0.1 -p "${PGPORT}" -U postgres -tc "SELECT 1 FROM pg_roles WHERE rolname='rencontres'" | grep -q 1 \
        || psql -h 127.0.0.1 -p "${PGPORT}" -U postgres -qc "CREATE ROLE rencontres LOGIN SUPERUSER PASSWORD 'rencontres'"
    echo "PostgreSQL ready on 127.0.0.1:${PGPORT}"
}
